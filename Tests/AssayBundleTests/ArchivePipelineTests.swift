import AssayBundle
import Foundation
import Testing

/// An archive is decompressed on one thread, parsed on another and hashed on a third, its content handed over in
/// 64 KiB buffers that come back to be filled again: every file must get the digest a directory read gives it,
/// whatever its size against the buffer's, a damaged archive the same error every time, and an archive left half
/// read must stop its threads.
@Suite struct ArchivePipelineTests {
    /// Files of every size around the 64 KiB chunk, of random bytes, many small ones between them, and the tree as
    /// `p.tar`, `p.tar.gz`, `p.tar.xz`, `p.tar.zst` and `p.zip`.
    static func tree() throws -> TempDir {
        let temp = try TempDir()
        let sizes = [0, 1, 65_535, 65_536, 65_537, 131_072, 200_003, 7, 1_000_000]
        for (index, size) in sizes.enumerated() {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255) }
            try Data(bytes).write(to: URL(fileURLWithPath: try temp.write("proj/f\(index).bin", "")))
            for small in 0..<40 {
                try temp.write("proj/small\(index)/s\(small).txt", String(repeating: "x", count: small))
            }
        }
        try temp.run("tar", "-cf", "p.tar", "proj")
        try temp.run(
            "sh", "-c", "gzip -c p.tar > p.tar.gz && xz -c p.tar > p.tar.xz && zstd -q p.tar && zip -qr p.zip proj")
        return temp
    }

    @Test func archivesGiveTheDigestsOfTheTree() throws {
        let temp = try Self.tree()
        let tree = try BundleReader.read(at: temp.path + "/proj")
        for name in ["p.tar", "p.tar.gz", "p.tar.xz", "p.tar.zst", "p.zip"] {
            let archive = try BundleReader.read(at: temp.path + "/" + name)
            #expect(Array(archive.entries) == Array(tree.entries), "\(name)")
            #expect(archive.bundleDigest == tree.bundleDigest, "\(name)")
        }
    }

    @Test func damagedArchiveGivesTheSameErrorEachTime() throws {
        let temp = try Self.tree()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: temp.path + "/p.tar.gz"))
        bytes[bytes.count / 2] ^= 0xff
        try bytes.write(to: URL(fileURLWithPath: temp.path + "/bad.tar.gz"))
        try temp.run("sh", "-c", "head -c 700000 p.tar.gz > cut.tar.gz")
        for name in ["bad.tar.gz", "cut.tar.gz"] {
            let first = try #require(throws: BundleError.self) { try BundleReader.read(at: temp.path + "/" + name) }
            let second = try #require(throws: BundleError.self) { try BundleReader.read(at: temp.path + "/" + name) }
            #expect(first.description == second.description)
            #expect(["bundle.archive-corrupt", "bundle.archive-truncated"].contains(first.code), "\(first)")
        }
    }

    /// The reader stops at the limit, long before the end: the decompressing thread, blocked on a full ring, is
    /// stopped when the stream is freed (the test would hang otherwise), and the next read works.
    @Test(.timeLimit(.minutes(1)))
    func archiveLeftHalfReadStopsItsThreads() throws {
        let temp = try Self.tree()
        for name in ["p.tar.gz", "p.tar.xz"] {
            let error = try #require(throws: BundleError.self) {
                try BundleReader.read(at: temp.path + "/" + name, options: ReadOptions(limits: Limits(maxEntries: 20)))
            }
            #expect(error.code == "bundle.limit-exceeded", "\(name)")
            #expect(try BundleReader.read(at: temp.path + "/" + name).totals.files == 9 + 9 * 40, "\(name)")
        }
    }
}
