import AssayBundle
import Foundation
import Testing

/// Hostile trees: FIFOs, names that only differ in Unicode normalisation, names that are not UTF-8, files that grow.
@Suite struct DirectoryEdgeCaseTests {
    @Test(.timeLimit(.minutes(1)))
    func fifoIsReportedAndNeverHangs() throws {
        let temp = try TempDir()
        try temp.write("tree/a.txt", "a\n")
        try temp.run("mkfifo", temp.path + "/tree/pipe")
        let manifest = try BundleReader.read(at: temp.path + "/tree")
        #expect(manifest.entries.map(\.path) == [EntryPath("a.txt")])
        let finding = try #require(manifest.findings.first { $0.kind == .specialFile })
        #expect(finding.path == "pipe")
        #expect(finding.severity == .error)
        #expect(!(try Verifier.verify(manifest, against: manifest)).clean)
    }

    @Test func nfcAndNfdNamesStayDistinct() throws {
        let temp = try TempDir()
        let nfc = "caf\u{E9}.txt"
        let nfd = "cafe\u{301}.txt"
        try temp.write("tree/" + nfc, "composed\n")
        try temp.write("tree/" + nfd, "decomposed\n")
        let manifest = try BundleReader.read(at: temp.path + "/tree")
        #expect(manifest.entries.count == 2)
        #expect(Set(manifest.entries.map(\.path)) == [EntryPath(nfc), EntryPath(nfd)])
        #expect(manifest.findings.contains { $0.kind == .unicodeVariant })
        let decoded = try ManifestCodec.decode(ManifestCodec.encode(manifest, as: .assay), file: "m.json")
        #expect(decoded == manifest)
        try temp.run("tar", "-cf", "t.tar", "tree")
        try temp.run("zip", "-qry", "t.zip", "tree")
        for archive in ["t.tar", "t.zip"] {
            #expect(try BundleReader.read(at: temp.path + "/" + archive).entries == manifest.entries, "\(archive)")
        }
    }

    @Test func renormalisedNameFailsWithAUnicodeHint() throws {
        let temp = try TempDir()
        try temp.write("tree/caf\u{E9}.txt", "same\n")
        let expected = try BundleReader.read(at: temp.path + "/tree")
        try FileManager.default.removeItem(atPath: temp.path + "/tree/caf\u{E9}.txt")
        try temp.write("tree/cafe\u{301}.txt", "same\n")
        let report = try Verifier.verify(bundleAt: temp.path + "/tree", against: expected)
        #expect(Set(report.differences.map(\.kind)) == [.missing, .added])
        #expect(Set(report.hints.map(\.kind)) == [.possibleRename, .unicodeVariant])
        #expect(!report.clean)
    }

    @Test func nonUTF8NameRoundTripsThroughJSON() throws {
        let temp = try TempDir()
        try temp.write("tree/plain.txt", "x")
        let name: [UInt8] = Array("caf".utf8) + [0xE9, 0xFF] + Array(".txt".utf8)
        let full = Array((temp.path + "/tree/").utf8) + name
        let fd = open(full.map { CChar(bitPattern: $0) } + [0], O_CREAT | O_WRONLY, 0o644)
        #expect(fd >= 0)
        close(fd)
        let manifest = try BundleReader.read(at: temp.path + "/tree")
        let path = EntryPath(bytes: name)
        #expect(manifest.entry(at: path) != nil)
        #expect(path.description == "caf\\xe9\\xff.txt")
        let json = try ManifestCodec.encode(manifest, as: .assay)
        #expect(String(decoding: json, as: UTF8.self).contains("\"pathHex\":\"636166e9ff2e747874\""))
        #expect(try ManifestCodec.decode(json, file: "m.json") == manifest)
        #expect(try ManifestCodec.decode(ManifestCodec.encode(manifest, as: .gnu), file: "SUMS").entry(at: path) != nil)
        try temp.run("tar", "-cf", "t.tar", "tree")
        #expect(try BundleReader.read(at: temp.path + "/t.tar").entries == manifest.entries, "tar keeps raw name bytes")
        // Zip has no raw form: a name without the UTF-8 flag that is not UTF-8 is CP437 (0xE9 Θ, 0xFF no-break space).
        try temp.run("zip", "-qry", "t.zip", "tree")
        let zipped = try BundleReader.read(at: temp.path + "/t.zip")
        #expect(zipped.entry(at: EntryPath("caf\u{398}\u{A0}.txt")) != nil)
    }

    @Test func fileGrowingWhileHashedIsAnError() throws {
        let temp = try TempDir()
        let file = temp.path + "/tree/big.bin"
        try temp.write("tree/big.bin", String(repeating: "0123456789abcdef", count: 1 << 19))
        let grow: @Sendable (ReadProgress) -> Void = { progress in
            guard progress.files == 0, let handle = FileHandle(forWritingAtPath: file) else { return }
            handle.seekToEndOfFile()
            handle.write(Data("more".utf8))
            handle.closeFile()
        }
        let error = try #require(throws: BundleError.self) {
            try BundleReader.read(at: temp.path + "/tree", options: ReadOptions(workers: 1, progress: grow))
        }
        #expect(error.code == "bundle.file-changed")
    }

    /// Thousands of files shared among the hashing workers: every worker count hashes the same, and the same as the
    /// tar of the tree (read by the archive path's own hashing thread).
    @Test func everyWorkerCountHashesTheSame() throws {
        let temp = try TempDir()
        let count = 5000
        for index in 0..<count {
            try temp.write("tree/d\(index % 50)/f\(index)", String(repeating: "\(index) ", count: index % 7))
        }
        let manifests = try [1, 2, 3].map { workers in
            try BundleReader.read(at: temp.path + "/tree", options: ReadOptions(workers: workers))
        }
        #expect(manifests[0].totals.files == count)
        #expect(manifests[1].entries == manifests[0].entries)
        #expect(manifests[2].entries == manifests[0].entries)
        try temp.run("tar", "-cf", "t.tar", "tree")
        #expect(try BundleReader.read(at: temp.path + "/t.tar").entries == manifests[0].entries)
    }

    @Test func progressCountsEveryFileAndByte() throws {
        let temp = try TempDir()
        for index in 0..<20 { try temp.write("tree/f\(index)", String(repeating: "x", count: index)) }
        let last = LastProgress()
        let manifest = try BundleReader.read(at: temp.path + "/tree", options: ReadOptions(progress: { last.set($0) }))
        let final = try #require(last.value)
        #expect(final.files == 20)
        #expect(final.bytes == manifest.totals.bytes)
        #expect(final.totalBytes == 190)
    }

    /// Works as root too: the second file disappears after the first is hashed, so opening it fails.
    @Test func fileVanishingBeforeItIsReadIsNamed() throws {
        let temp = try TempDir()
        try temp.write("tree/a.txt", "a")
        let doomed = try temp.write("tree/b.txt", "b")
        let remove: @Sendable (ReadProgress) -> Void = { _ in try? FileManager.default.removeItem(atPath: doomed) }
        let error = try #require(throws: BundleError.self) {
            try BundleReader.read(at: temp.path + "/tree", options: ReadOptions(workers: 1, progress: remove))
        }
        #expect(error.code == "bundle.unreadable")
        #expect(error.description == "\(doomed): cannot read: No such file or directory")
    }

    @Test(.enabled(if: getuid() != 0, "root reads every file, so nothing is unreadable"))
    func unreadableFileIsNamed() throws {
        let temp = try TempDir()
        let path = try temp.write("tree/secret", "s")
        chmod(path, 0)
        let error = try #require(throws: BundleError.self) { try BundleReader.read(at: temp.path + "/tree") }
        #expect(error.code == "bundle.unreadable")
        #expect(error.description.contains("secret"))
    }
}

/// The most recent progress snapshot, shared with the reader's worker threads.
final class LastProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: ReadProgress?

    var value: ReadProgress? { lock.withLock { latest } }

    func set(_ progress: ReadProgress) {
        lock.withLock { if progress.files >= (latest?.files ?? 0) { latest = progress } }
    }
}
