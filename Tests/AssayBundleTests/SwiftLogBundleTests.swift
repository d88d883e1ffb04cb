import AssayBundle
import Foundation
import Testing

/// The same source tree as tar, tar.gz, zip and an extracted directory yields one bundle digest and the upstream
/// per-file digests.
@Suite(.enabled(if: Fixtures.available, Fixtures.missing))
struct SwiftLogBundleTests {
    static let archives = ["swift-log-1.16.2.tar", "swift-log-1.16.2.tar.gz", "swift-log-1.16.2.zip"]

    /// path → sha256 from the git tree listing.
    static func upstream() throws -> [String: (size: UInt64, sha256: String)] {
        let rows = try Fixtures.tsv("bundles/upstream-manifests/swift-log-1.16.2.git-tree.tsv")
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0], (UInt64($0[3]) ?? 0, $0[4])) })
    }

    @Test(arguments: archives)
    func perFileDigestsMatchGitTree(archive: String) throws {
        let manifest = try BundleReader.read(at: Fixtures.path("bundles/git-archives/\(archive)"))
        let expected = try Self.upstream()
        let files = manifest.entries.filter { $0.type == .file }
        #expect(files.count == expected.count)
        for file in files {
            let row = try #require(expected[file.path.description], "unexpected \(file.path)")
            #expect(file.digest?.hex == row.sha256, "\(file.path)")
            #expect(file.size == row.size, "\(file.path)")
        }
        #expect(manifest.strippedPrefix?.description == "swift-log-1.16.2")
        #expect(manifest.findings.contains { $0.kind == .strippedPrefix })
        #expect(!manifest.hasErrorFindings)
    }

    @Test func oneBundleDigestForEveryFormatAndTheExtractedTree() throws {
        let digests = try Self.archives.map { archive in
            try BundleReader.read(at: Fixtures.path("bundles/git-archives/\(archive)")).bundleDigest
        }
        let temp = try TempDir()
        try temp.run("tar", "-xf", Fixtures.path("bundles/git-archives/swift-log-1.16.2.tar.gz"), "-C", temp.path)
        let tree = try BundleReader.read(at: temp.path + "/swift-log-1.16.2")
        #expect(tree.strippedPrefix == nil)
        #expect(Set(digests + [tree.bundleDigest]).count == 1)
        #expect(digests.first??.hex.count == 64)
    }

    @Test func sourceFormatsDetectedFromContent() throws {
        let temp = try TempDir()
        let disguised = temp.path + "/archive.txt"
        try FileManager.default.copyItem(
            atPath: Fixtures.path("bundles/git-archives/swift-log-1.16.2.zip"), toPath: disguised)
        #expect(try BundleReader.read(at: disguised).source == "zip")
        #expect(
            try BundleReader.read(at: Fixtures.path("bundles/git-archives/swift-log-1.16.2.tar.gz")).source == "tar.gz")
    }

    @Test func keepPrefixKeepsTheTopFolder() throws {
        let manifest = try BundleReader.read(
            at: Fixtures.path("bundles/git-archives/swift-log-1.16.2.tar"), options: ReadOptions(keepPrefix: true)
        )
        #expect(manifest.strippedPrefix == nil)
        #expect(manifest.entries.allSatisfy { $0.path.description.hasPrefix("swift-log-1.16.2") })
    }
}
