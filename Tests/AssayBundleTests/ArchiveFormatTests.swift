import AssayBundle
import Foundation
import Testing

/// Archives made here with the system tools: every format gives the tree's bundle digest; damaged ones fail clearly.
@Suite struct ArchiveFormatTests {
    /// A small project folder `proj/` with a subfolder, an executable, a symlink and an empty folder.
    static func project() throws -> TempDir {
        let temp = try TempDir()
        try temp.write("proj/README.md", "# demo\n")
        try temp.write("proj/src/main.c", "int main(void) { return 0; }\n")
        try temp.write("proj/build.sh", "#!/bin/sh\nmake\n", executable: true)
        try FileManager.default.createDirectory(atPath: temp.path + "/proj/empty", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/proj/link", withDestinationPath: "src/main.c")
        return temp
    }

    static let commands: [(name: String, file: String, arguments: [String])] = [
        ("ustar", "p.tar", ["tar", "--format=ustar", "-cf", "p.tar", "proj"]),
        ("pax", "p.tar", ["tar", "--format=pax", "-cf", "p.tar", "proj"]),
        ("gnu", "p.tar", ["tar", "--format=gnu", "-cf", "p.tar", "proj"]),
        ("tar.gz", "p.tgz", ["tar", "-czf", "p.tgz", "proj"]),
        ("tar.xz", "p.txz", ["tar", "-cJf", "p.txz", "proj"]),
        ("tar.bz2", "p.tbz", ["tar", "-cjf", "p.tbz", "proj"]),
        ("tar.zst", "p.tzst", ["tar", "--zstd", "-cf", "p.tzst", "proj"]),
        ("zip", "p.zip", ["zip", "-qry", "p.zip", "proj"]),
    ]

    @Test(arguments: commands.map(\.name))
    func everyFormatGivesTheTreeDigest(format: String) throws {
        let temp = try Self.project()
        let command = try #require(Self.commands.first { $0.name == format })
        try temp.run(command.arguments[0], arguments: Array(command.arguments.dropFirst()))
        let tree = try BundleReader.read(at: temp.path + "/proj")
        let archive = try BundleReader.read(at: temp.path + "/" + command.file)
        #expect(archive.bundleDigest == tree.bundleDigest)
        #expect(archive.entries == tree.entries)
        #expect(archive.strippedPrefix == EntryPath("proj"))
        #expect(archive.entry(at: EntryPath("build.sh"))?.executable == true)
        #expect(archive.entry(at: EntryPath("link"))?.linkTarget == EntryPath("src/main.c"))
    }

    @Test func truncatedTarGzIsNamedTruncated() throws {
        let temp = try Self.project()
        let noise = (0..<300_000).map { _ in UInt8.random(in: 0...255) }
        try Data(noise).write(to: URL(fileURLWithPath: temp.path + "/proj/noise.bin"))
        try temp.run("tar", "-czf", "p.tgz", "proj")
        let data = try Data(contentsOf: URL(fileURLWithPath: temp.path + "/p.tgz"))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: temp.path + "/cut.tgz"))
        let error = try #require(throws: BundleError.self) { try BundleReader.read(at: temp.path + "/cut.tgz") }
        #expect(error.code == "bundle.archive-truncated")
        #expect(error.description.contains("cut.tgz"))
    }

    /// libarchive does not check gzip's CRC-32; Assay inflates gzip itself so a flipped bit is named.
    @Test func gzipChecksumMismatchIsNamedCorrupt() throws {
        let temp = try Self.project()
        try temp.run("tar", "-czf", "p.tgz", "proj")
        var data = try Data(contentsOf: URL(fileURLWithPath: temp.path + "/p.tgz"))
        data[data.count - 6] ^= 0x01
        try data.write(to: URL(fileURLWithPath: temp.path + "/bad.tgz"))
        let error = try #require(throws: BundleError.self) { try BundleReader.read(at: temp.path + "/bad.tgz") }
        #expect(error.code == "bundle.archive-corrupt")
        #expect(error.description.contains("incorrect data check"))
    }

    @Test func concatenatedAndZeroPaddedGzipRead() throws {
        let temp = try Self.project()
        try temp.run("tar", "-cf", "p.tar", "proj")
        try temp.run("sh", "-c", "head -c 2048 p.tar | gzip > multi.tgz && tail -c +2049 p.tar | gzip >> multi.tgz")
        try temp.run("sh", "-c", "gzip -c p.tar > padded.tgz && head -c 1024 /dev/zero >> padded.tgz")
        let plain = try BundleReader.read(at: temp.path + "/p.tar")
        for name in ["multi.tgz", "padded.tgz"] {
            let manifest = try BundleReader.read(at: temp.path + "/" + name)
            #expect(manifest.bundleDigest == plain.bundleDigest, "\(name)")
            #expect(manifest.source == "tar.gz")
        }
    }

    @Test func corruptZipIsNamedCorrupt() throws {
        let temp = try Self.project()
        try temp.write("proj/big.txt", String(repeating: "all work and no play\n", count: 5000))
        try temp.run("zip", "-qry", "p.zip", "proj")
        var data = try Data(contentsOf: URL(fileURLWithPath: temp.path + "/p.zip"))
        for offset in stride(from: 200, to: min(data.count / 2, 600), by: 7) { data[offset] ^= 0x5a }
        try data.write(to: URL(fileURLWithPath: temp.path + "/bad.zip"))
        let error = try #require(throws: BundleError.self) { try BundleReader.read(at: temp.path + "/bad.zip") }
        #expect(["bundle.archive-corrupt", "bundle.archive-truncated"].contains(error.code))
    }

    @Test func wrongMagicIsUnrecognized() throws {
        let temp = try TempDir()
        let path = try temp.write("notes.tar.gz", "just some text, not an archive\n")
        #expect(throws: BundleError.unrecognizedFormat(path: path)) { try BundleReader.read(at: path) }
    }

    @Test func nonexistentPathIsNotFound() {
        #expect(throws: BundleError.notFound(path: "/nonexistent/bundle")) {
            try BundleReader.read(at: "/nonexistent/bundle")
        }
    }

    @Test func hardlinkInTarTakesItsTargetsContent() throws {
        let temp = try Self.project()
        try temp.run("ln", "proj/src/main.c", "proj/same.c")
        try temp.run("tar", "-cf", "p.tar", "proj")
        let archive = try BundleReader.read(at: temp.path + "/p.tar")
        let tree = try BundleReader.read(at: temp.path + "/proj")
        let link = try #require(archive.entry(at: EntryPath("same.c")))
        #expect(link.size == 29)
        #expect(link.digest == archive.entry(at: EntryPath("src/main.c"))?.digest)
        #expect(archive.bundleDigest == tree.bundleDigest)
    }

    @Test func chainedAndDanglingHardlinks() throws {
        let temp = try TempDir()
        try temp.run(
            "python3",
            arguments: [
                "-c",
                """
                import io, tarfile
                def link(name, target):
                    info = tarfile.TarInfo(name); info.type = tarfile.LNKTYPE; info.linkname = target; return info
                with tarfile.open('links.tar', 'w') as t:
                    data = b'shared'; info = tarfile.TarInfo('./a'); info.size = len(data)
                    t.addfile(info, io.BytesIO(data))
                    t.addfile(link('b', 'a'))
                    t.addfile(link('c', './b'))
                    t.addfile(link('d', 'nowhere'))
                """,
            ])
        let manifest = try BundleReader.read(at: temp.path + "/links.tar")
        let digests = Set(["a", "b", "c"].map { manifest.entry(at: EntryPath($0))?.digest })
        #expect(digests.count == 1)
        #expect(manifest.entry(at: EntryPath("c"))?.size == 6)
        #expect(manifest.entry(at: EntryPath("d")) == nil)
        #expect(manifest.findings.first { $0.kind == .unresolvedHardlink }?.path == "d")
    }

    @Test func unsafeAndDuplicateMembersAreFlagged() throws {
        let temp = try TempDir()
        try temp.run(
            "python3",
            arguments: [
                "-c",
                """
                import io, tarfile
                with tarfile.open('evil.tar', 'w') as t:
                    for name in ['ok.txt', '../escape.txt', '/etc/abs.txt', 'ok.txt']:
                        info = tarfile.TarInfo(name); data = name.encode(); info.size = len(data)
                        t.addfile(info, io.BytesIO(data))
                """,
            ])
        let manifest = try BundleReader.read(at: temp.path + "/evil.tar")
        #expect(manifest.entries.map(\.path) == [EntryPath("ok.txt")])
        let kinds = Set(manifest.findings.filter { $0.severity == .error }.map(\.kind))
        #expect(kinds == [.parentComponent, .absolutePath, .duplicateEntry])
        let report = try Verifier.verify(manifest, against: manifest)
        #expect(!report.clean)
        #expect(report.summary.errorFindings == 3)
    }

    @Test func entryLimitIsEnforced() throws {
        let temp = try Self.project()
        try temp.run("tar", "-cf", "p.tar", "proj")
        let options = ReadOptions(limits: Limits(maxEntries: 2))
        for path in [temp.path + "/p.tar", temp.path + "/proj"] {
            let error = try #require(throws: BundleError.self) { try BundleReader.read(at: path, options: options) }
            #expect(error.code == "bundle.limit-exceeded")
        }
    }
}

/// Zip names without the UTF-8 flag are CP437 by the zip specification.
@Test func zipNamesWithoutUTF8FlagAreReadAsCP437() throws {
    let temp = try TempDir()
    try temp.run(
        "python3", "-c",
        """
        import zipfile
        with zipfile.ZipFile('plain.zip', 'w') as z:
            z.writestr('cafX.txt', 'x')
        data = open('plain.zip', 'rb').read().replace(b'cafX.txt', b'caf\\x82.txt')
        open('cp437.zip', 'wb').write(data)
        """)
    let manifest = try BundleReader.read(at: temp.path + "/cp437.zip")
    #expect(manifest.entries.map(\.path) == [EntryPath("caf\u{E9}.txt")])
}
