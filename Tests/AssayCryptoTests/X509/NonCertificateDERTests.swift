import AssayCrypto
import Foundation
import Testing

/// DER files that are not certificates, made by the OpenSSL command line, must be named for what they are.
@Suite(.enabled(if: OpenSSLCLI.available && Fixtures.x509Available, "openssl command line or x509 fixtures absent"))
struct NonCertificateDERTests {
    static let certs = Fixtures.x509.appendingPathComponent("certs")

    private func make(_ arguments: [String], output: String) throws -> [UInt8] {
        let cli = try OpenSSLCLI()
        #expect(try cli.run(arguments) == 0, "openssl \(arguments.joined(separator: " "))")
        return try cli.read(output)
    }

    private func expectKind(_ bytes: [UInt8], _ kind: CryptoObjectKind) {
        #expect(throws: CryptoError.notACertificate(kind)) { try CertificateFile(bytes: bytes) }
    }

    @Test func ocspRequest() throws {
        let request = try make(
            [
                "ocsp", "-no_nonce", "-issuer", Self.certs.appendingPathComponent("rapidssl_sha256_ca_g3.pem").path,
                "-cert", Self.certs.appendingPathComponent("cryptography.io.pem").path, "-reqout", "request.der",
            ], output: "request.der")
        expectKind(request, .ocspRequest)
    }

    @Test func pkcs7CertificateBag() throws {
        let bag = try make(
            [
                "crl2pkcs7", "-nocrl", "-certfile", Self.certs.appendingPathComponent("cryptography.io.pem").path,
                "-outform", "DER", "-out", "bag.p7b",
            ], output: "bag.p7b")
        expectKind(bag, .pkcs7)
    }

    @Test func privateAndPublicKeys() throws {
        let cli = try OpenSSLCLI()
        #expect(try cli.run("genpkey", "-algorithm", "ED25519", "-outform", "DER", "-out", "key.der") == 0)
        #expect(
            try cli.run("pkey", "-inform", "DER", "-in", "key.der", "-pubout", "-outform", "DER", "-out", "pub.der")
                == 0)
        expectKind(try cli.read("key.der"), .privateKey)
        expectKind(try cli.read("pub.der"), .publicKey)
    }
}
