import AssayCrypto
import AssayProvenance
import AssayTestSupport
import Foundation
import Testing

/// SPDX SBOMs as provenance: example1's binary `build/hello` is generated from `hello.c` and the Makefile.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (SPDX example1)"))
struct SPDXReaderTests {
    static let hello = DigestedName(
        name: "./build/hello",
        digests: [
            "sha1": "20291a81ef065ff891b537b64d4fdccaf6f5ac02",
            "sha256": "83a33ff09648bb5fc5272baca88cf2b59fd81ac4cc6817b86998136af368708e",
            "md5": "08a12c966d776864cc1eb41fd03c3c3d",
        ])

    static func claim(_ bytes: [UInt8], place: String) throws -> ProvenanceClaim {
        let claims = try ProvenanceReader.claims(from: bytes, place: place, policy: .init())
        try #require(claims.count == 1)
        return claims[0]
    }

    @Test("tag-value and JSON: the binary is the subject, the files it is generated from the sources")
    func generatedFrom() throws {
        let tagValue = Array(try Data(contentsOf: URL(fileURLWithPath: SPDXExample.tagValue)))
        for (place, bytes) in [("example1.spdx", tagValue), ("example1.json", Array(SPDXExample.json.utf8))] {
            let claim = try Self.claim(bytes, place: place)
            #expect(claim.kind == .spdx && claim.strength == .unsigned)
            #expect(claim.fileSha256 == (try DigestContext.digest(bytes).hex))
            #expect(claim.subjects == [Self.hello])
            #expect(claim.sources.map(\.name) == ["./src/hello.c", "./src/Makefile"])
            #expect(claim.sources[0].sha256 == "b4e5ca56d1f9110ca94ed0bf4e6d9ac11c2186eb7cd95159c6fdb50e8db5a823")
            #expect(claim.remarks.isEmpty)
        }
    }

    @Test("a wrong verification code is a remark, not an error")
    func wrongVerificationCode() throws {
        let text = try SPDXExample.tagValue(verificationCode: "1111111111111111111111111111111111111111")
        let claim = try Self.claim(Array(text.utf8), place: "bad.spdx")
        #expect(claim.subjects == [Self.hello])
        #expect(
            claim.remarks == [
                "package hello: PackageVerificationCode 1111111111111111111111111111111111111111 does not match its files' "
                    + "SHA-1s (recomputed 9d20237bb72087e87069f96afb41c6ca2fa2a342)"
            ])
    }

    @Test("without GENERATED_FROM the BINARY files are subjects and every SOURCE file a source")
    func withoutRelationships() throws {
        let text = try String(contentsOfFile: SPDXExample.tagValue, encoding: .utf8)
            .split(separator: "\n").filter { !$0.contains("GENERATED_FROM") }.joined(separator: "\n")
        let claim = try Self.claim(Array(text.utf8), place: "x.spdx")
        #expect(claim.subjects == [Self.hello])
        #expect(claim.sources.map(\.name) == ["./src/Makefile", "./src/hello.c"])
        #expect(claim.remarks == ["no GENERATED_FROM relationship: the sources are every SOURCE file"])
    }

    @Test("errors name the file, line and tag")
    func malformed() throws {
        let text = try String(contentsOfFile: SPDXExample.tagValue, encoding: .utf8)
            .replacingOccurrences(
                of: "Relationship: SPDXRef-hello-binary GENERATED_FROM SPDXRef-Makefile", with: "Relationship: x")
        #expect(
            throws: ProvenanceError.malformed(
                place: "x.spdx:56", field: "Relationship", reason: "expected 'SPDXRef-A TYPE SPDXRef-B'")
        ) { try Self.claim(Array(text.utf8), place: "x.spdx") }
    }
}
