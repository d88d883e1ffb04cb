import AssayBundle
import Foundation
import Testing

/// Each kind of tampering with a copy of a real source tree is reported exactly, and nothing else is.
@Suite(.enabled(if: Fixtures.available, Fixtures.missing))
struct TamperingTests {
    /// An extracted copy of swift-log and its manifest before tampering.
    final class Tree {
        let temp: TempDir
        let root: String
        let original: Manifest

        init() throws {
            temp = try TempDir()
            try temp.run("tar", "-xf", Fixtures.path("bundles/git-archives/swift-log-1.16.2.tar"), "-C", temp.path)
            root = temp.path + "/swift-log-1.16.2"
            original = try BundleReader.read(at: root)
        }

        func verify() throws -> VerificationReport { try Verifier.verify(bundleAt: root, against: original) }

        func file(_ relative: String) -> String { root + "/" + relative }
    }

    static let target = "Sources/Logging/Locks.swift"

    @Test func untouchedTreeIsClean() throws {
        let report = try Tree().verify()
        #expect(report.clean)
        #expect(report.exitStatus == 0)
        #expect(report.differences.isEmpty)
    }

    @Test func flippedByteIsModified() throws {
        let tree = try Tree()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: tree.file(Self.target)))
        bytes[100] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: tree.file(Self.target)))
        let report = try tree.verify()
        #expect(report.differences.map(\.kind) == [.modified])
        #expect(report.differences.first?.path == Self.target)
        #expect(report.differences.first?.expected?.size == report.differences.first?.actual?.size)
        #expect(report.exitStatus == 1)
    }

    @Test func truncatedFileIsModifiedWithSizes() throws {
        let tree = try Tree()
        let handle = try #require(FileHandle(forWritingAtPath: tree.file(Self.target)))
        try handle.truncate(atOffset: 10)
        try handle.close()
        let difference = try #require(try tree.verify().differences.first)
        #expect(difference.kind == .modified)
        #expect(difference.actual?.size == 10)
        #expect(difference.description == "modified \(Self.target) (size 10775 → 10)")
    }

    @Test func deletedFileIsMissing() throws {
        let tree = try Tree()
        try FileManager.default.removeItem(atPath: tree.file(Self.target))
        let report = try tree.verify()
        #expect(report.differences.map(\.kind) == [.missing])
        #expect(report.summary.missing == 1)
    }

    @Test func addedFileIsAdded() throws {
        let tree = try Tree()
        try tree.temp.write("swift-log-1.16.2/Sources/Logging/Backdoor.swift", "evil()\n")
        let report = try tree.verify()
        #expect(report.differences.map(\.kind) == [.added])
        #expect(report.differences.first?.path == "Sources/Logging/Backdoor.swift")
    }

    @Test func fileReplacedBySymlinkIsTypeChanged() throws {
        let tree = try Tree()
        try FileManager.default.removeItem(atPath: tree.file(Self.target))
        try FileManager.default.createSymbolicLink(atPath: tree.file(Self.target), withDestinationPath: "/etc/passwd")
        let report = try tree.verify()
        #expect(report.differences.map(\.kind) == [.typeChanged])
        #expect(report.differences.first?.actual?.target == "/etc/passwd")
        #expect(report.differences.first?.description == "type-changed \(Self.target) (file → symlink)")
        #expect(report.findings.contains { $0.kind == .symlinkOutside })
    }

    @Test func renamedFileGetsARenameHintButStillFails() throws {
        let tree = try Tree()
        try FileManager.default.moveItem(
            atPath: tree.file(Self.target), toPath: tree.file("Sources/Logging/Renamed.swift"))
        let report = try tree.verify()
        #expect(Set(report.differences.map(\.kind)) == [.missing, .added])
        #expect(report.hints.map(\.kind) == [.possibleRename])
        #expect(report.hints.first?.from == Self.target)
        #expect(!report.clean)
    }

    @Test func executableBitChangeIsReported() throws {
        let tree = try Tree()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tree.file(Self.target))
        #expect(try tree.verify().differences.map(\.kind) == [.executableChanged])
    }

    @Test func diffCountsBytes() throws {
        let tree = try Tree()
        try FileManager.default.removeItem(atPath: tree.file("README.md"))
        try tree.temp.write("swift-log-1.16.2/NEW", "12345")
        let diff = try ManifestDiff(from: tree.original, to: BundleReader.read(at: tree.root))
        #expect(diff.added.map(\.path) == ["NEW"])
        #expect(diff.removed.map(\.path) == ["README.md"])
        #expect(diff.bytesAdded == 5)
        #expect(diff.byteDelta == 5 - Int64(diff.bytesRemoved))
        #expect(try ManifestDiff(from: tree.original, to: tree.original).isEmpty)
    }
}
