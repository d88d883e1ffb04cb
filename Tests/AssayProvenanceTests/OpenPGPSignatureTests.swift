import AssayProvenance
import AssayTestSupport
import Foundation
import Testing

/// Clear-signed `.buildinfo` files checked with the real `gpgv` against a keyring: a throw-away Ed25519 key signs a
/// copy of gzip's buildinfo text; the good copy is verified with the key's fingerprint, a tampered one is invalid,
/// and a keyring without the signer's key leaves the signature unverified.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (real Debian .buildinfo files)"))
struct OpenPGPSignatureTests {
    /// A GnuPG home with one new signing key, its public keyring exported in binary and armoured form.
    final class SigningKey: Sendable {
        let folder = TemporaryDirectory()
        var home: String { folder.file("home") }
        var keyring: String { folder.file("ring.gpg") }
        var armoured: String { folder.file("ring.asc") }

        init() throws {
            try FileManager.default.createDirectory(
                atPath: folder.file("home"), withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            try gpg(["--quick-gen-key", "Assay Test <test@example.org>", "ed25519", "sign", "never"])
            try gpg(["--output", keyring, "--export"])
            try gpg(["--output", armoured, "--armor", "--export"])
        }

        /// The fingerprint of the key, as `gpg --with-colons` lists it.
        func fingerprint() throws -> String {
            let listing = try gpg(["--with-colons", "--fingerprint"])
            let line = listing.split(separator: "\n").first { $0.hasPrefix("fpr:") }
            return String(line?.split(separator: ":", omittingEmptySubsequences: false)[9] ?? "")
        }

        /// Clear-signs text and returns the signed file's bytes.
        func clearSign(_ text: String) throws -> [UInt8] {
            let input = try folder.write("message", text)
            try gpg(["--output", input + ".asc", "--clearsign", input])
            return Array(try Data(contentsOf: URL(fileURLWithPath: input + ".asc")))
        }

        @discardableResult
        func gpg(_ arguments: [String]) throws -> String {
            let result = try ChildProcess.run(
                "/usr/bin/gpg", ["--batch", "--quiet", "--yes", "--passphrase", "", "--pinentry-mode", "loopback"]
                    + arguments, environment: ["GNUPGHOME": home])
            try #require(result.exitCode == 0, "gpg \(arguments): \(result.stderr)")
            return result.stdout
        }
    }

    static func claim(_ bytes: [UInt8], keyring: String) throws -> ProvenanceClaim {
        let claims = try ProvenanceReader.claims(
            from: bytes, place: "x.buildinfo", policy: VerificationPolicy(openPGPKeyring: keyring))
        return try #require(claims.first)
    }

    @Test("a good signature is verified with the key's fingerprint, from a binary or an armoured keyring")
    func good() throws {
        let key = try SigningKey()
        let signed = try key.clearSign(try BuildinfoReaderTests.signedText(BuildinfoReaderTests.gzip))
        for keyring in [key.keyring, key.armoured] {
            let claim = try Self.claim(signed, keyring: keyring)
            #expect(claim.strength == .signatureVerified)
            #expect(claim.signer == (try key.fingerprint()))
            #expect(claim.subjects.count == 3)
        }
    }

    @Test("a signed file changed after signing is an invalid signature")
    func tampered() throws {
        let key = try SigningKey()
        let signed = try key.clearSign(try BuildinfoReaderTests.signedText(BuildinfoReaderTests.gzip))
        let tampered = String(decoding: signed, as: UTF8.self).replacingOccurrences(of: "68b46db1", with: "00000000")
        let error = try #require(throws: ProvenanceError.self) {
            try Self.claim(Array(tampered.utf8), keyring: key.keyring)
        }
        #expect(error.code == "provenance.signature-invalid")
    }

    @Test("the build daemon's signature with a keyring lacking its key is unverified and names the key")
    func unknownKey() throws {
        let key = try SigningKey()
        let claim = try Self.claim(try BuildinfoReaderTests.bytes(BuildinfoReaderTests.gzip), keyring: key.keyring)
        #expect(claim.strength == .signatureUnverified)
        #expect(claim.signer == nil)
        #expect(claim.remarks.contains { $0.contains("key B7047105830B9FA1 is not in") })
    }
}
