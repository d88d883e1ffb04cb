import AssayCrypto
import Foundation
import Testing

/// Detection, multi-certificate files, flags, and one clear error for each kind of bad input.
struct CertificateFileTests {
    private static func fixture(_ name: String) throws -> [UInt8] {
        let url = Fixtures.x509.appendingPathComponent("certs").appendingPathComponent(name)
        return [UInt8](try Data(contentsOf: url))
    }

    @Test(.enabled(if: Fixtures.x509Available, "x509 fixtures absent"))
    func chainWithGarbageKeepsCertificatesAndOnlyKindsOfKeys() throws {
        let file = try CertificateFile(bytes: Self.fixture("cryptography.io.chain_with_garbage.pem"))
        #expect(file.certificates.count == 2)
        #expect(file.skippedBlocks == [.privateKey])
        #expect(file.certificates[0].fingerprint != file.certificates[1].fingerprint)
    }

    @Test(.enabled(if: Fixtures.x509Available, "x509 fixtures absent"))
    func subjectAlternativeDNSNamesAreUTF8() throws {
        let file = try CertificateFile(bytes: Self.fixture("utf8-dnsname.pem"))
        let names = try #require(file.certificates.first).dnsNames
        #expect(names.contains("biztosítás.hu"))
        #expect(names.first == "partner.biztositas.hu")
        #expect(names.count == 7)
    }

    @Test(.enabled(if: Fixtures.x509Available, "x509 fixtures absent"))
    func weakDigestAndShortKeyAreFlagged() throws {
        let md2 = try #require(CertificateFile(bytes: Self.fixture("verisign_md2_root.pem")).certificates.first)
        #expect(md2.weaknesses == [.weakSignatureDigest("MD2"), .shortKey(type: .rsa, bits: 1024, minimum: 2048)])
        let pssSHA1 = try #require(CertificateFile(bytes: Self.fixture("ee-pss-sha1-cert.pem")).certificates.first)
        #expect(pssSHA1.weaknesses.contains(.weakSignatureDigest("SHA-1")))
        let ecdsa = try #require(CertificateFile(bytes: Self.fixture("ecdsa_root.pem")).certificates.first)
        #expect(ecdsa.publicKey.type == .ec)
        #expect(ecdsa.publicKey.bits == 384)
        #expect(ecdsa.weaknesses.isEmpty)
    }

    /// pyca's `v1_cert.pem` names the bare `md5` digest OID as its outer signature algorithm (the signed part says
    /// `md5WithRSAEncryption`): the digest is classified from both fields, not only the outer one.
    @Test(.enabled(if: Fixtures.x509Available, "x509 fixtures absent"))
    func md5NamedByABareDigestOIDIsFlagged() throws {
        let v1 = try #require(CertificateFile(bytes: Self.fixture("v1_cert.pem")).certificates.first)
        #expect(v1.signatureAlgorithm == "md5WithRSAEncryption")
        #expect(v1.weaknesses == [.weakSignatureDigest("MD5"), .shortKey(type: .rsa, bits: 512, minimum: 2048)])
    }

    @Test(.enabled(if: Fixtures.x509Available, "x509 fixtures absent"))
    func truncatedDERIsMalformed() throws {
        let der = try Self.fixture("e-trust.ru.der")
        #expect(throws: CryptoError.self) { try CertificateFile(bytes: Array(der.prefix(der.count / 2))) }
        do {
            _ = try CertificateFile(bytes: Array(der.prefix(der.count / 2)))
        } catch {
            #expect(error.code == "x509.malformed")
        }
    }

    @Test func emptyInput() {
        #expect(throws: CryptoError.emptyInput) { try CertificateFile(bytes: []) }
    }

    @Test func garbageIsUnrecognized() {
        #expect(throws: CryptoError.unrecognizedContent) {
            try CertificateFile(bytes: Array("hello, this is not a certificate\n".utf8))
        }
    }

    @Test func beginLineWithoutABlockIsUnrecognized() {
        #expect(throws: CryptoError.unrecognizedContent) {
            try CertificateFile(bytes: Array("-----BEGIN CERTIFICATE\nMIIB\n".utf8))
        }
    }

    @Test func derSequenceThatIsNothingKnownIsMalformed() {
        #expect(
            throws: CryptoError.malformedCertificate(
                "DER does not parse as an X.509 certificate (truncated or corrupt)")
        ) {
            try CertificateFile(bytes: [0x30, 0x03, 0x02, 0x01, 0x05])
        }
    }

    @Test func brokenBase64BodyIsMalformedPEM() {
        let pem = "-----BEGIN CERTIFICATE-----\nMIIB!!notbase64***\n-----END CERTIFICATE-----\n"
        #expect(throws: CryptoError.malformedPEM(label: "CERTIFICATE", reason: "the base64 body does not decode")) {
            try CertificateFile(bytes: Array(pem.utf8))
        }
    }

    @Test func missingEndLineIsMalformedPEM() {
        let pem = "-----BEGIN CERTIFICATE-----\nMIIB\n"
        #expect(throws: CryptoError.malformedPEM(label: "CERTIFICATE", reason: "no END line (truncated file?)")) {
            try CertificateFile(bytes: Array(pem.utf8))
        }
    }

    @Test func validBase64ThatIsNotDERIsMalformedCertificate() {
        let pem = "-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n"
        do {
            _ = try CertificateFile(bytes: Array(pem.utf8))
            Issue.record("accepted a certificate block holding 'hello world'")
        } catch {
            #expect(error.code == "x509.malformed")
        }
    }

    @Test(arguments: [
        ("OCSP RESPONSE", CryptoObjectKind.ocspResponse), ("PKCS7", .pkcs7),
        ("ENCRYPTED PRIVATE KEY", .encryptedPrivateKey),
        ("EC PRIVATE KEY", .privateKey), ("PUBLIC KEY", .publicKey),
    ])
    func nonCertificatePEMSaysWhatItIs(label: String, kind: CryptoObjectKind) {
        let pem = "-----BEGIN \(label)-----\nAAAA\n-----END \(label)-----\n"
        #expect(throws: CryptoError.notACertificate(kind)) { try CertificateFile(bytes: Array(pem.utf8)) }
    }

    @Test func errorMessagesAreOneLine() {
        let errors: [CryptoError] = [
            .notACertificate(.certificateRequest), .emptyInput, .unrecognizedContent,
            .malformedPEM(label: "CERTIFICATE", reason: "x"), .invalidTime(field: "notAfter"),
        ]
        for error in errors {
            #expect(!error.description.contains("\n"))
        }
        #expect(
            CryptoError.notACertificate(.crl).description
                == "not a certificate: this is a certificate revocation list (CRL)")
    }
}
