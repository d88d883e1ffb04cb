import AssayBundle
import Foundation
import Testing

/// Manifests written by GNU coreutils read as `sha256sum -c` reads them: comment lines, `-z` NUL-terminated records.
@Suite struct CoreutilsCompatibilityTests {
    /// A tree with awkward names: a newline, a backslash, a leading `#`.
    static func tree() throws -> TempDir {
        let temp = try TempDir()
        try temp.write("t/plain.txt", "a\n")
        try temp.write("t/new\nline", "b\n")
        try temp.write("t/back\\slash", "c\n")
        try temp.write("t/#hash", "d\n")
        return temp
    }

    @Test func commentLinesAreSkippedAsSha256sumDoes() throws {
        let temp = try Self.tree()
        try temp.run(
            "sh", "-c", "cd t && { echo '# made by release.sh'; sha256sum plain.txt '#hash'; echo '#end'; } > ../SUMS")
        #expect(try temp.capture("sh", arguments: ["-c", "cd t && sha256sum -c --quiet ../SUMS"]).status == 0)
        let expected = try ManifestCodec.read(contentsOf: temp.path + "/SUMS")
        #expect(expected.entries.map(\.path) == [EntryPath("#hash"), EntryPath("plain.txt")])
        #expect(try Verifier.verify(bundleAt: temp.path + "/t", against: expected).clean)
    }

    @Test(arguments: ["sha256sum -z", "sha256sum -z --tag"])
    func zeroTerminatedManifestsRead(command: String) throws {
        let temp = try Self.tree()
        try temp.run("sh", "-c", "cd t && \(command) * > ../SUMS")
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: temp.path + "/SUMS")))
        #expect(bytes.contains(0))
        let expected = try ManifestCodec.read(contentsOf: temp.path + "/SUMS")
        #expect(expected.entries.count == 4)
        #expect(expected.entry(at: EntryPath("new\nline")) != nil)
        #expect(expected.entry(at: EntryPath("back\\slash")) != nil)
        #expect(try Verifier.verify(bundleAt: temp.path + "/t", against: expected).clean)
    }

    @Test func errorsQuoteManifestBytesWithoutControlCharacters() throws {
        let bad = Array("\(String(repeating: "0", count: 64))  a\u{0}0x\n12  b\u{0}".utf8)
        let error = try #require(throws: BundleError.self) { try ManifestCodec.decode(bad, file: "z.sums") }
        #expect(
            error.description == "z.sums:2: malformed manifest line: '0x\\x0a12' is not a sha256 digest (64 hex digits)"
        )
        let badName = Array("\(String(repeating: "0", count: 64))  ../x\u{1B}[2J\u{0}".utf8)
        let nameError = try #require(throws: BundleError.self) { try ManifestCodec.decode(badName, file: "z.sums") }
        #expect(nameError.description.contains("'../x\\x1b[2J'"), "\(nameError)")
        #expect(!nameError.description.unicodeScalars.contains { $0.value < 0x20 })
    }
}
