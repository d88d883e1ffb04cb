import AssayCrypto
import AssayProvenance
import AssayTestSupport
import Foundation
import Testing

/// Debian `.buildinfo` files read as provenance: the real build-daemon files of gzip and checksecurity, and
/// clear-signed copies made and checked with a throw-away OpenPGP key.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (real Debian .buildinfo files)"))
struct BuildinfoReaderTests {
    static let folder = Paths.fixtures + "/provenance/debian-buildinfo/"
    static let gzip = "gzip_1.10-2_all-amd64-source.buildinfo"
    static let checksecurity = "checksecurity_2.0.16+nmu2_all.buildinfo"

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: folder + name)))
    }

    static func claim(_ bytes: [UInt8], place: String = "x.buildinfo", policy: VerificationPolicy = .init()) throws
        -> ProvenanceClaim
    {
        let claims = try ProvenanceReader.claims(from: bytes, place: place, policy: policy)
        try #require(claims.count == 1)
        return claims[0]
    }

    @Test("gzip: the .dsc is the source, the three packages the subjects, with every digest listed")
    func gzip() throws {
        let bytes = try Self.bytes(Self.gzip)
        let claim = try Self.claim(bytes)
        #expect(claim.kind == .buildinfo)
        #expect(claim.fileSha256 == (try DigestContext.digest(bytes).hex))
        #expect(
            claim.sources == [
                DigestedName(
                    name: "gzip_1.10-2.dsc",
                    digests: [
                        "sha256": "b51c898723bfbea9abc217578fd739841d92711e8e96e8392d69151a9147475e",
                        "sha1": "a3e3b4884b2b005d065ad5f9c1daea46eacc8a05", "md5": "93ab8ec1766e26017fe6a7422d21dfb8",
                    ])
            ])
        #expect(
            claim.subjects.map(\.name) == [
                "gzip-dbgsym_1.10-2_amd64.deb", "gzip-win32_1.10-2_all.deb", "gzip_1.10-2_amd64.deb",
            ])
        #expect(
            claim.subjects[2].digests == [
                "sha256": "68b46db19445c3f1956291a68104672931f9f37162723120c6dfb28995cedc4a",
                "sha1": "c2e9085981422beda78cad9adc1ec5493c66ce64", "md5": "162a6f2e4337f69526b96cb5022fce60",
            ])
        #expect(claim.strength == .signatureUnverified)
        #expect(claim.signer == nil)
        #expect(claim.remarks == ["OpenPGP clear-signature present, not verified (no OpenPGP keyring given)"])
        #expect(claim.builder?.hasPrefix("Debian on amd64 with ") == true)
    }

    @Test("checksecurity: one package and no .dsc, so no source link and a remark naming the source")
    func binaryOnly() throws {
        let claim = try Self.claim(try Self.bytes(Self.checksecurity))
        #expect(
            claim.subjects == [
                DigestedName(
                    name: "checksecurity_2.0.16+nmu2_all.deb",
                    digests: [
                        "sha256": "8526ac01103d327ed3d3ffaee6d2ccb0a15f6a6ddcdecd17e1e91cfb3ade054b",
                        "sha1": "e2c45be5bfdd935a72e312a916075929df8bab10", "md5": "8a54321fc387bd1a0196af146ca7fd5c",
                    ])
            ])
        #expect(claim.sources.isEmpty)
        #expect(claim.remarks.contains("binary-only build: no source link (Source: checksecurity (2.0.16+nmu2))"))
    }

    @Test("a binNMU's Source field with its own version is quoted as written")
    func binNMUSource() throws {
        let text = """
            Format: 1.0
            Source: hello (2.10-3)
            Binary: hello
            Architecture: amd64
            Version: 2.10-3+b1
            Checksums-Sha256:
             \(String(repeating: "ab", count: 32)) 10 hello_2.10-3+b1_amd64.deb
            Build-Architecture: amd64

            """
        let claim = try Self.claim(Array(text.utf8))
        #expect(claim.strength == .unsigned)
        #expect(claim.remarks == ["binary-only build: no source link (Source: hello (2.10-3))"])
    }

    @Test("the signed text alone is an unsigned buildinfo with the same subjects")
    func unsigned() throws {
        let signed = try Self.claim(try Self.bytes(Self.gzip))
        let claim = try Self.claim(Array(try Self.signedText(Self.gzip).utf8))
        #expect(claim.strength == .unsigned)
        #expect(claim.remarks.isEmpty)
        #expect(claim.subjects == signed.subjects && claim.sources == signed.sources)
    }

    @Test("a tampered clear-signed file without a keyring is unverified, never verified")
    func tamperedWithoutKeyring() throws {
        let text = String(decoding: try Self.bytes(Self.gzip), as: UTF8.self)
            .replacingOccurrences(of: "68b46db1", with: "00000000")
        let claim = try Self.claim(Array(text.utf8))
        #expect(claim.strength == .signatureUnverified)
        #expect(claim.subjects[2].sha256?.hasPrefix("00000000") == true)
    }

    @Test("malformed lines name the file, line and field")
    func malformed() throws {
        let text = try Self.signedText(Self.gzip).replacingOccurrences(of: "68b46db19445", with: "68b46db1945")
        #expect(
            throws: ProvenanceError.malformed(
                place: "g.buildinfo:20", field: "Checksums-Sha256",
                reason:
                    "'68b46db1945c3f1956291a68104672931f9f37162723120c6dfb28995cedc4a' is not a digest of 64 hex digits"
            )
        ) { try Self.claim(Array(text.utf8), place: "g.buildinfo") }
        let appended = String(decoding: try Self.bytes(Self.gzip), as: UTF8.self) + "Source: evil\n"
        let error = try #require(throws: ProvenanceError.self) { try Self.claim(Array(appended.utf8), place: "g") }
        #expect(error.description.hasSuffix(": deb822: text outside the OpenPGP signed message"))
        #expect(error.description.hasPrefix("g:"))
    }

    @Test("files that are no provenance are refused by content")
    func unrecognized() throws {
        #expect(throws: ProvenanceError.unrecognized(place: "a.txt")) {
            try ProvenanceReader.claims(from: Array("hello\n".utf8), place: "a.txt", policy: .init())
        }
        let envelope = #"{"payloadType": "application/vnd.in-toto+json", "payload": "e30=", "signatures": []}"#
        let error = try #require(throws: ProvenanceError.self) {
            try ProvenanceReader.claims(from: Array(envelope.utf8), place: "e.json", policy: .init())
        }
        // Signed attestations are read by AttestationReader: an envelope whose payload is no in-toto statement.
        #expect(error.code == "provenance.malformed")
    }

    /// The fixture's signed text without the OpenPGP framing (its lines after `Hash:` up to the signature).
    static func signedText(_ name: String) throws -> String {
        let lines = String(decoding: try bytes(name), as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        guard let end = lines.firstIndex(of: "-----BEGIN PGP SIGNATURE-----") else { return "" }
        return lines[3..<end].joined(separator: "\n") + "\n"
    }
}
