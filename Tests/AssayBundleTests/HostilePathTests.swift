import AssayBundle
import Foundation
import Testing

/// Archives with paths no real tree has: entries placed through a symlink of the same bundle, and paths long or
/// deep enough to blow up a manifest that lists every parent folder.
@Suite struct HostilePathTests {
    /// Writes `name` as a tar made by python3's tarfile from (kind, path, link target or content) members; kinds
    /// are `file`, `exec` (an executable file), `link` (symlink), `hard` (hardlink), `dir`, `fifo` and `chr` (a
    /// character device).
    static func tar(_ temp: TempDir, _ name: String, format: String = "PAX_FORMAT", members: [(String, String, String)])
        throws
    {
        let list = members.map { "(\"\($0.0)\", \($0.1.debugDescription), \($0.2.debugDescription))" }
        let script = """
            import io, tarfile
            types = {"link": tarfile.SYMTYPE, "hard": tarfile.LNKTYPE, "dir": tarfile.DIRTYPE,
                     "fifo": tarfile.FIFOTYPE, "chr": tarfile.CHRTYPE}
            with tarfile.open("\(name)", "w", format=tarfile.\(format)) as t:
                for kind, path, value in [\(list.joined(separator: ", "))]:
                    info = tarfile.TarInfo(path)
                    if kind in types:
                        info.type, info.linkname = types[kind], value
                        info.mode = 0o755 if kind == "dir" else 0o644
                        t.addfile(info)
                    else:
                        data = value.encode()
                        info.size = len(data)
                        info.mode = 0o755 if kind == "exec" else 0o644
                        t.addfile(info, io.BytesIO(data))
            """
        try temp.run("python3", "-c", script)
    }

    @Test(arguments: [false, true])
    func fileThroughASymlinkIsAnErrorAndNotRecorded(linkFirst: Bool) throws {
        let temp = try TempDir()
        let link = ("link", "link", "/etc")
        let evil = ("file", "link/cron.d/evil", "* * * * * root sh\n")
        try Self.tar(temp, "s.tar", members: linkFirst ? [link, evil] : [evil, link])
        let manifest = try BundleReader.read(at: temp.path + "/s.tar", options: ReadOptions(keepPrefix: true))
        let finding = try #require(manifest.findings.first { $0.kind == .pathThroughSymlink })
        #expect(finding.severity == .error)
        #expect(finding.path == "link/cron.d/evil")
        #expect(finding.line == "error: link/cron.d/evil: parent 'link' is a symlink in this bundle; entry ignored")
        #expect(manifest.entries.map(\.path) == [EntryPath("link")])
        #expect(try !Verifier.verify(manifest, against: manifest).clean)
    }

    @Test func aSymlinkBesideAFolderOfTheSameNamePrefixIsFine() throws {
        let temp = try TempDir()
        try Self.tar(temp, "ok.tar", members: [("link", "lib", "src"), ("file", "lib2/a", "x"), ("file", "libx", "y")])
        let manifest = try BundleReader.read(at: temp.path + "/ok.tar", options: ReadOptions(keepPrefix: true))
        #expect(!manifest.findings.contains { $0.kind == .pathThroughSymlink })
        #expect(manifest.entries.count == 4)
    }

    /// The 92 KB pax tar of the report (one entry `x/` × 40,000 + `f`) once took 4.7 GB and 27 s.
    @Test func aVeryDeepPathIsAFindingInLinearTime() throws {
        let temp = try TempDir()
        try Self.tar(temp, "deep.tar", members: [("file", String(repeating: "x/", count: 40_000) + "f", "data")])
        let start = Date()
        let manifest = try BundleReader.read(at: temp.path + "/deep.tar")
        #expect(Date().timeIntervalSince(start) < 10)
        let finding = try #require(manifest.findings.first { $0.kind == .pathLimit })
        #expect(finding.severity == .error)
        #expect(finding.message == "path of 80001 bytes is longer than the limit of 4096; entry ignored")
        #expect(manifest.entries.isEmpty)
    }

    @Test func depthAndLengthLimitsApplyToArchivesAndTrees() throws {
        let temp = try TempDir()
        let deep = Array(repeating: "d", count: 9).joined(separator: "/")
        try temp.write("tree/" + deep + "/f", "x")
        try temp.write("tree/ok/f", "y")
        try temp.run("tar", "-C", temp.path + "/tree", "-cf", "t.tar", ".")
        let limits = Limits(maxDepth: 8)
        for path in [temp.path + "/tree", temp.path + "/t.tar"] {
            let manifest = try BundleReader.read(at: path, options: ReadOptions(limits: limits))
            let findings = manifest.findings.filter { $0.kind == .pathLimit }
            // The tree's too-deep folder is not descended into; the tar lists it and its file, two findings.
            #expect(findings.first?.message == "path of 9 components is deeper than the limit of 8; entry ignored")
            #expect(findings.count == (path.hasSuffix(".tar") ? 2 : 1), "\(path)")
            #expect(!manifest.entries.contains { $0.path.components.count > 8 }, "\(path)")
            #expect(manifest.entry(at: EntryPath("ok/f")) != nil)
        }
        let short = try BundleReader.read(
            at: temp.path + "/tree", options: ReadOptions(limits: Limits(maxPathBytes: 10)))
        #expect(short.findings.contains { $0.kind == .pathLimit && $0.message.hasPrefix("path of 11 bytes") })
    }
}
