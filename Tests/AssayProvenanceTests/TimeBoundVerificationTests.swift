import AssayCrypto
import AssayTestSupport
import Foundation
import Testing

/// The OpenSSL wrappers Sigstore verification rests on, checked on a CA, a code-signing leaf and a time-stamping
/// authority made with the `openssl` command line: chains verified at a given moment, RFC 3161 responses.
@Suite("certificate chains and RFC 3161 timestamps verified at a given time")
struct TimeBoundVerificationTests {
    let folder = TemporaryDirectory()

    @discardableResult
    func openssl(_ arguments: [String]) throws -> RunResult {
        let result = try ChildProcess.run("/usr/bin/env", ["openssl"] + arguments)
        try #require(result.exitCode == 0, "openssl \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// A P-256 key and a certificate for it, signed by the CA unless it is the CA, valid for `days` from now.
    func certificate(_ name: String, extensions: String, days: Int = 1, ca: Bool = false) throws -> Certificate {
        try openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", folder.file("\(name).key")])
        let extensionFile = try folder.write("\(name).ext", extensions)
        if ca {
            try openssl([
                "req", "-x509", "-new", "-key", folder.file("\(name).key"), "-subj", "/CN=\(name)", "-days", "\(days)",
                "-out", folder.file("\(name).pem"), "-extensions", "v3", "-config", extensionFile,
            ])
        } else {
            try openssl([
                "req", "-new", "-key", folder.file("\(name).key"), "-subj", "/CN=\(name)", "-out",
                folder.file("\(name).csr"),
            ])
            try openssl([
                "x509", "-req", "-in", folder.file("\(name).csr"), "-CA", folder.file("ca.pem"), "-CAkey",
                folder.file("ca.key"), "-CAcreateserial", "-days", "\(days)", "-extfile", extensionFile, "-extensions",
                "v3",
                "-out", folder.file("\(name).pem"),
            ])
        }
        let file = try CertificateFile(contentsOf: folder.file("\(name).pem"))
        return try #require(file.certificates.first)
    }

    func authority() throws -> Certificate {
        try certificate(
            "ca",
            extensions: "[req]\ndistinguished_name=dn\n[dn]\n[v3]\nbasicConstraints=critical,CA:TRUE\n"
                + "keyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n", days: 30, ca: true)
    }

    @Test("a leaf verifies inside its validity and not before or after it")
    func chainAtTime() throws {
        let ca = try authority()
        let leaf = try certificate(
            "leaf", extensions: "[v3]\nextendedKeyUsage=codeSigning\nkeyUsage=digitalSignature\n")
        #expect(leaf.allowsCodeSigning)
        #expect(!leaf.isCertificateAuthority && ca.isCertificateAuthority)
        let now = Date()
        guard
            case .valid(let chain) = try CertificateChainVerifier.verify(
                leaf, intermediates: [], anchors: [ca], at: now)
        else {
            Issue.record("the chain does not verify now")
            return
        }
        #expect(chain.map(\.der) == [leaf.der, ca.der])
        #expect(
            try CertificateChainVerifier.verify(leaf, intermediates: [], anchors: [ca], at: now + 3 * 86_400)
                == .invalid(reason: "certificate has expired"))
        #expect(
            try CertificateChainVerifier.verify(leaf, intermediates: [], anchors: [ca], at: now - 86_400)
                == .invalid(reason: "certificate is not yet valid"))
        #expect(
            try CertificateChainVerifier.verify(leaf, intermediates: [], anchors: [leaf], at: now)
                != .valid(chain: chain))
    }

    @Test("an RFC 3161 response verifies for the stamped data and its authority, and for nothing else")
    func timestamp() throws {
        let ca = try authority()
        let tsa = try certificate(
            "tsa", extensions: "[v3]\nextendedKeyUsage=critical,timeStamping\nkeyUsage=critical,digitalSignature\n")
        let data = Array("the signature bytes".utf8)
        try Data(data).write(to: URL(fileURLWithPath: folder.file("data")))
        try folder.write("serial", "01\n")
        let config = try folder.write(
            "tsa.cnf",
            "[tsa]\ndefault_tsa=one\n[one]\nserial=\(folder.file("serial"))\nsigner_digest=sha256\n"
                + "default_policy=1.2.3.4.1\ndigests=sha256\ness_cert_id_alg=sha256\n")
        try openssl(["ts", "-query", "-data", folder.file("data"), "-sha256", "-cert", "-out", folder.file("q.tsq")])
        try openssl([
            "ts", "-reply", "-queryfile", folder.file("q.tsq"), "-inkey", folder.file("tsa.key"), "-signer",
            folder.file("tsa.pem"), "-config", config, "-out", folder.file("r.tsr"),
        ])
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.file("r.tsr"))))
        let response = try #require(TimestampResponse(der: bytes))
        let time = try #require(response.generationTime)
        #expect(abs(time.timeIntervalSinceNow) < 600)
        #expect(try response.verify(data: data, authorityChain: [tsa, ca]) == .valid)
        #expect(try response.verify(data: data + [0], authorityChain: [tsa, ca]) != .valid)
        #expect(try response.verify(data: data, authorityChain: [tsa]) != .valid)
        #expect(TimestampResponse(der: Array(bytes.prefix(20))) == nil)
    }
}
