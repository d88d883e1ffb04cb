import AssayBundle
import Foundation
import Testing

/// The first-level escrow checks: build instructions, encrypted entries, case variants, links leaving the bundle.
@Suite struct FindingsTests {
    @Test(.enabled(if: Fixtures.available, Fixtures.missing))
    func buildInstructionsAreReported() throws {
        let manifest = try BundleReader.read(at: Fixtures.path("bundles/git-archives/swift-log-1.16.2.tar.gz"))
        let finding = try #require(manifest.findings.first { $0.kind == .buildInstructions })
        #expect(finding.message.contains("Package.swift"))
        #expect(finding.message.contains("README.md"))
    }

    @Test func missingBuildInstructionsAreAWarning() throws {
        let temp = try TempDir()
        try temp.write("tree/data.bin", "x")
        let manifest = try BundleReader.read(at: temp.path + "/tree")
        #expect(manifest.findings.map(\.kind) == [.noBuildInstructions])
    }

    @Test func encryptedZipEntriesAreFlagged() throws {
        let temp = try TempDir()
        try temp.write("proj/secret.txt", "classified\n")
        try temp.write("proj/Makefile", "all:\n")
        try temp.run("zip", "-qr", "-P", "password", "p.zip", "proj")
        let manifest = try BundleReader.read(at: temp.path + "/p.zip")
        let flagged = manifest.findings.filter { $0.kind == .encryptedEntry }.compactMap(\.path)
        #expect(flagged.sorted() == ["proj/Makefile", "proj/secret.txt"])
        #expect(manifest.hasErrorFindings)
    }

    @Test func zipWhoseLocalAndCentralNamesDifferIsFlagged() throws {
        let temp = try TempDir()
        try temp.run(
            "python3", "-c",
            """
            import zipfile
            with zipfile.ZipFile('ok.zip', 'w') as z:
                z.writestr('a.txt', 'hello')
                z.writestr('c.txt', 'world')
            data = bytearray(open('ok.zip', 'rb').read())
            data[data.find(b'a.txt')] = ord('b')
            open('mismatch.zip', 'wb').write(data)
            """)
        #expect(try BundleReader.read(at: temp.path + "/ok.zip").findings.allSatisfy { $0.severity != .error })
        let manifest = try BundleReader.read(at: temp.path + "/mismatch.zip")
        let finding = try #require(manifest.findings.first { $0.kind == .headerMismatch })
        #expect(finding.path == "a.txt")
        #expect(finding.message.contains("'b.txt'"))
        #expect(manifest.findings.count { $0.kind == .headerMismatch } == 1)
    }

    @Test func caseVariantsAndEscapingLinksAreWarnings() throws {
        let temp = try TempDir()
        try temp.write("tree/README", "a")
        try temp.write("tree/readme", "b")
        try FileManager.default.createDirectory(atPath: temp.path + "/tree/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/tree/sub/up", withDestinationPath: "../../etc")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/tree/sub/ok", withDestinationPath: "../README")
        let manifest = try BundleReader.read(at: temp.path + "/tree")
        #expect(manifest.findings.contains { $0.kind == .caseVariant && $0.severity == .warning })
        #expect(manifest.findings.filter { $0.kind == .symlinkOutside }.map(\.path) == ["sub/up"])
        #expect(manifest.entry(at: EntryPath("sub/up"))?.linkTarget == EntryPath("../../etc"))
        #expect(!manifest.hasErrorFindings)
    }
}
