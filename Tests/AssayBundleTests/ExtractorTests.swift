import AssayBundle
import Foundation
import Testing

/// Safe extraction: every archive format and a directory give the tree the bundle describes, with only the
/// executable bit and one date kept; any hostile entry refuses the whole extraction, naming the entry, and
/// nothing is left behind, inside the folder or outside it.
@Suite struct ExtractorTests {
    /// A small source tree: an executable script, a file in a folder, an empty folder and a symlink inside.
    static func sourceTree(_ temp: TempDir) throws -> String {
        try temp.write("proj-1.0/configure", "#!/bin/sh\necho ok\n", executable: true)
        try temp.write("proj-1.0/src/main.c", "int main(void) { return 0; }\n")
        try FileManager.default.createDirectory(
            atPath: temp.path + "/proj-1.0/empty", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: temp.path + "/proj-1.0/README", withDestinationPath: "src/main.c")
        return temp.path + "/proj-1.0"
    }

    @Test(arguments: ["tar", "tar.gz", "tar.xz", "tar.bz2", "tar.zst", "zip", "directory"])
    func everyFormatExtractsToTheTreeItDescribes(format: String) throws {
        let temp = try TempDir()
        let tree = try Self.sourceTree(temp)
        let bundle: String
        switch format {
        case "directory": bundle = tree
        case "zip":
            try temp.run("zip", "-qry", "b.zip", "proj-1.0")
            bundle = temp.path + "/b.zip"
        default:
            let filter = ["tar.gz": "-z", "tar.xz": "-J", "tar.bz2": "-j", "tar.zst": "--zstd"][format]
            try temp.run("tar", arguments: ["-cf", "b.\(format)"] + (filter.map { [$0] } ?? []) + ["proj-1.0"])
            bundle = temp.path + "/b.\(format)"
        }
        let read = try BundleReader.read(at: bundle)
        let folder = temp.path + "/out"
        let written = try BundleExtractor().extract(
            bundleAt: bundle, into: folder, stripping: read.strippedPrefix, modified: 1_700_000_000)
        #expect(written.bundleDigest == read.bundleDigest)
        #expect(try BundleReader.read(at: folder).bundleDigest == read.bundleDigest)
        let manager = FileManager.default
        let mode = { (path: String) throws -> Int in
            try #require(manager.attributesOfItem(atPath: folder + "/" + path)[.posixPermissions] as? Int)
        }
        #expect(try mode("configure") == 0o755)
        #expect(try mode("src/main.c") == 0o644)
        #expect(try mode("empty") == 0o755)
        #expect(try manager.destinationOfSymbolicLink(atPath: folder + "/README") == "src/main.c")
        let dates = try ["configure", "src", "src/main.c", "empty", "."].map { path in
            try #require(manager.attributesOfItem(atPath: folder + "/" + path)[.modificationDate] as? Date)
        }
        #expect(dates.dropLast().allSatisfy { $0 == Date(timeIntervalSince1970: 1_700_000_000) })
    }

    /// Hostile tars: (members, the entry named, the reason's start).
    static let hostile: [([(String, String, String)], String, String)] = [
        ([("file", "/tmp/evil", "x")], "/tmp/evil", "absolute path"),
        ([("file", "ok", "x"), ("file", "../evil", "x")], "../evil", "'..' component in path"),
        ([("file", "a/../../evil", "x")], "a/../../evil", "'..' component in path"),
        ([("link", "l", "/etc"), ("file", "l/cron.d/evil", "x")], "l/cron.d/evil", "parent 'l' is a symlink"),
        ([("link", "l", "sub"), ("dir", "sub", ""), ("file", "l/x", "x")], "l/x", "parent 'l' is a symlink"),
        ([("file", "l/x", "x"), ("link", "l", "/etc")], "l", "duplicate entry"),
        ([("link", "up", "../..")], "up", "symlink points outside the folder: '../..'"),
        ([("link", "abs", "/etc/passwd")], "abs", "symlink points outside the folder"),
        // Each link alone stays inside; followed through `a/up`, `b` is the folder's parent.
        ([("link", "a/up", ".."), ("link", "b", "a/up/..")], "b", "symlink points outside the folder"),
        ([("link", "loop1", "loop2"), ("link", "loop2", "loop1")], "loop1", "symlink points outside"),
        ([("hard", "h", "/etc/passwd")], "h", "hard link to '/etc/passwd', which is not an earlier file"),
        ([("hard", "h", "../outside")], "h", "hard link to '../outside'"),
        ([("hard", "h", "later"), ("file", "later", "x")], "h", "hard link to 'later'"),
        ([("fifo", "pipe", "")], "pipe", "special file"),
        ([("chr", "dev/null", "")], "dev/null", "special file"),
        ([("file", "f", "one"), ("file", "f", "two")], "f", "duplicate entry"),
        ([("file", "f", "x"), ("file", "f/g", "y")], "f/g", "parent 'f' is a file"),
    ]

    @Test(arguments: hostile.indices)
    func aHostileEntryRefusesTheExtractionNamingIt(index: Int) throws {
        let (members, entry, reason) = Self.hostile[index]
        let temp = try TempDir()
        try HostilePathTests.tar(temp, "h.tar", members: members)
        let folder = temp.path + "/jail/out"
        try FileManager.default.createDirectory(atPath: temp.path + "/jail", withIntermediateDirectories: true)
        let error = try #require(throws: BundleError.self) {
            try BundleExtractor().extract(bundleAt: temp.path + "/h.tar", into: folder)
        }
        guard case .unsafeEntry(let path, let named, let why) = error else {
            Issue.record("expected unsafe-entry, got \(error)")
            return
        }
        #expect(path == temp.path + "/h.tar")
        #expect(named == entry)
        #expect(why.hasPrefix(reason), "\(why)")
        #expect(error.code == "bundle.unsafe-entry")
        #expect(error.description == "\(path): refused to extract '\(named)': \(why)")
        // Nothing stays: not the partial folder, nothing beside it, nothing above the jail.
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path + "/jail").isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path).sorted() == ["h.tar", "jail"])
    }

    @Test func safeLinksAndHardlinksAreCreatedInside() throws {
        let temp = try TempDir()
        try HostilePathTests.tar(
            temp, "ok.tar",
            members: [
                ("exec", "bin/tool", "#!/bin/sh\n"), ("hard", "bin/tool2", "bin/tool"), ("link", "lib", "lib64"),
                ("dir", "lib64", ""), ("link", "lib64/self", "../lib64"), ("link", "sub/up", "../bin/tool"),
            ])
        let folder = temp.path + "/out"
        let written = try BundleExtractor().extract(bundleAt: temp.path + "/ok.tar", into: folder)
        let copy = try #require(written.entry(at: EntryPath("bin/tool2")))
        #expect(copy.digest == written.entry(at: EntryPath("bin/tool"))?.digest)
        // A hardlink's own header gives its mode (0644 here), as the reader records it too.
        #expect(copy.executable == false)
        #expect(try String(contentsOfFile: folder + "/sub/up", encoding: .utf8) == "#!/bin/sh\n")
        #expect(
            written.entries.map(\.path.description).sorted() == [
                "bin", "bin/tool", "bin/tool2", "lib", "lib64", "lib64/self", "sub", "sub/up",
            ])
    }

    @Test func aDirectoryWithASpecialFileOrALinkOutIsRefused() throws {
        let temp = try TempDir()
        try temp.write("tree/a", "x")
        try temp.run("mkfifo", temp.path + "/tree/pipe")
        var error = try #require(throws: BundleError.self) {
            try BundleExtractor().extract(bundleAt: temp.path + "/tree", into: temp.path + "/out1")
        }
        #expect(
            error
                == .unsafeEntry(
                    path: temp.path + "/tree", entry: "pipe", reason: "special file (device, FIFO or socket)"))
        try FileManager.default.removeItem(atPath: temp.path + "/tree/pipe")
        try FileManager.default.createSymbolicLink(
            atPath: temp.path + "/tree/passwd", withDestinationPath: "/etc/passwd")
        error = try #require(throws: BundleError.self) {
            try BundleExtractor().extract(bundleAt: temp.path + "/tree", into: temp.path + "/out2")
        }
        #expect(
            error.description.hasSuffix("refused to extract 'passwd': symlink points outside the folder: '/etc/passwd'")
        )
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/out1"))
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/out2"))
    }

    @Test func theFolderMustBeNewAndEntriesInsideThePrefix() throws {
        let temp = try TempDir()
        try HostilePathTests.tar(temp, "p.tar", members: [("file", "p/a", "x"), ("file", "q/b", "y")])
        try FileManager.default.createDirectory(atPath: temp.path + "/exists", withIntermediateDirectories: true)
        let exists = try #require(throws: BundleError.self) {
            try BundleExtractor().extract(bundleAt: temp.path + "/p.tar", into: temp.path + "/exists")
        }
        #expect(exists.code == "bundle.extraction-failed")
        let outside = try #require(throws: BundleError.self) {
            try BundleExtractor().extract(
                bundleAt: temp.path + "/p.tar", into: temp.path + "/out", stripping: EntryPath("p"))
        }
        #expect(
            outside
                == .unsafeEntry(
                    path: temp.path + "/p.tar", entry: "q/b",
                    reason: "outside the top-level folder 'p' the bundle was read with"))
    }

    @Test func containedFilesAreReachedWithoutFollowingLinks() throws {
        let temp = try TempDir()
        try temp.write("build/out/app", "binary")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/build/link", withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/build/app2", withDestinationPath: "out/app")
        let fd = try ContainedFile.open("./out/app", in: temp.path + "/build")
        close(fd)
        for path in ["link/passwd", "app2", "../build/out/app", "/etc/passwd", "missing"] {
            #expect(throws: BundleError.self, "\(path)") { try ContainedFile.open(path, in: temp.path + "/build") }
        }
    }
}
