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

    /// Paths whose entries agree are decided on the stored records; each field both sides record is compared, and
    /// one side leaving a field out never makes a difference.
    @Test func recordedFieldsDecideWhatDiffers() throws {
        let (one, two) = (try Self.digest("one"), try Self.digest("two"))
        func file(_ size: UInt64? = nil, _ digest: Digest? = nil, _ executable: Bool? = nil) -> BundleEntry {
            BundleEntry(path: EntryPath(""), type: .file, size: size, digest: digest, executable: executable)
        }
        func link(_ target: String?) -> BundleEntry {
            BundleEntry(path: EntryPath(""), type: .symlink, linkTarget: target.map { EntryPath($0) })
        }
        let pairs: [(old: BundleEntry, new: BundleEntry, kinds: [Difference.Kind])] = [
            (file(3, one, false), file(3, one, false), []),
            (file(3, one), file(4, one), [.modified]),
            (file(3, one), file(3, two), [.modified]),
            (file(nil, one), file(9, one), []),
            (file(3), file(3, two), []),
            (file(nil, one), file(nil, one, true), []),
            (file(nil, nil, false), file(nil, nil, true), [.executableChanged]),
            (file(nil, one, true), file(nil, two, false), [.modified, .executableChanged]),
            (link("a"), link("ab"), [.targetChanged]),
            (link("ab"), link("ac"), [.targetChanged]),
            (link("ab"), link("ab"), []),
            (link(nil), link("ab"), []),
            (.directory(EntryPath("")), .directory(EntryPath("")), []),
            (file(nil, one), .directory(EntryPath("")), [.typeChanged]),
        ]
        func listing(_ side: (BundleEntry, BundleEntry) -> BundleEntry) throws -> Manifest {
            let entries = pairs.enumerated().map { index, pair in
                var entry = side(pair.old, pair.new)
                entry.path = EntryPath(String(format: "p%02d", index))
                return entry
            }
            return try Manifest(algorithm: .sha256, coverage: .filesOnly, source: "test", entries: entries)
        }
        let old = try listing { old, _ in old }
        let new = try listing { _, new in new }
        let diff = try ManifestDiff(from: old, to: new)
        let changed = pairs.indices.filter { !pairs[$0].kinds.isEmpty }
        #expect(diff.changed.map(\.path) == changed.map { String(format: "p%02d", $0) })
        #expect(diff.changed.map(\.kinds) == changed.map { pairs[$0].kinds })
        let report = try Verifier.verify(new, against: old)
        #expect(report.summary.matched == pairs.count - changed.count)
        let differing = changed.flatMap { index in pairs[index].kinds.map { _ in String(format: "p%02d", index) } }
        #expect(report.differences.map(\.path) == differing)
    }

    @Test func differentAlgorithmsAreRefused() throws {
        let sha256 = try Self.manifest([])
        let sha512 = try Self.manifest([], algorithm: .sha512)
        #expect(throws: BundleError.algorithmMismatch(expected: "sha256", actual: "sha512")) {
            try ManifestDiff(from: sha256, to: sha512)
        }
    }
}
