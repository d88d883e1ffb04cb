import AssayBundle
import AssayCrypto
import Foundation
import Testing

/// Diffs between two manifests: each kind of change, byte totals, and refusal across algorithms.
@Suite struct ManifestDiffTests {
    static func digest(_ text: String) throws -> Digest { try DigestContext.digest(Array(text.utf8)) }

    static func manifest(_ entries: [BundleEntry], algorithm: DigestAlgorithm = .sha256) throws -> Manifest {
        try Manifest(algorithm: algorithm, coverage: .complete, source: "test", entries: entries)
    }

    @Test func everyKindOfChange() throws {
        let old = try Self.manifest([
            .file(EntryPath("kept"), size: 4, digest: try Self.digest("kept"), executable: false),
            .file(EntryPath("edited"), size: 3, digest: try Self.digest("old"), executable: false),
            .file(EntryPath("script"), size: 2, digest: try Self.digest("sh"), executable: false),
            .symlink(EntryPath("link"), target: EntryPath("kept")),
            .file(EntryPath("gone"), size: 10, digest: try Self.digest("0123456789"), executable: false),
        ])
        let new = try Self.manifest([
            .file(EntryPath("kept"), size: 4, digest: try Self.digest("kept"), executable: false),
            .file(EntryPath("edited"), size: 5, digest: try Self.digest("newer"), executable: false),
            .file(EntryPath("script"), size: 2, digest: try Self.digest("sh"), executable: true),
            .symlink(EntryPath("link"), target: EntryPath("edited")),
            .directory(EntryPath("fresh")),
            .file(EntryPath("fresh/new.txt"), size: 7, digest: try Self.digest("content"), executable: false),
        ])
        let diff = try ManifestDiff(from: old, to: new)
        #expect(diff.added.map(\.path) == ["fresh", "fresh/new.txt"])
        #expect(diff.removed.map(\.path) == ["gone"])
        #expect(diff.changed.map(\.path) == ["edited", "link", "script"])
        #expect(diff.changed.map(\.kinds) == [[.modified], [.targetChanged], [.executableChanged]])
        #expect(diff.bytesAdded == 7)
        #expect(diff.bytesRemoved == 10)
        #expect(diff.byteDelta == -1)
        let json = try JSONEncoder().encode(diff)
        #expect(try JSONDecoder().decode(ManifestDiff.self, from: json) == diff)
    }

    @Test func differentAlgorithmsAreRefused() throws {
        let sha256 = try Self.manifest([])
        let sha512 = try Self.manifest([], algorithm: .sha512)
        #expect(throws: BundleError.algorithmMismatch(expected: "sha256", actual: "sha512")) {
            try ManifestDiff(from: sha256, to: sha512)
        }
    }
}
