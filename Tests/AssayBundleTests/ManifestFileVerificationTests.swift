import AssayBundle
import AssayCrypto
import Foundation
import Testing

/// Verifying against a manifest file reads an Assay manifest on a second thread while the bundle is hashed: the
/// report, and any error, must be exactly those of reading the manifest first and then verifying.
@Suite(.enabled(if: Fixtures.available, Fixtures.missing))
struct ManifestFileVerificationTests {
    static let archive = Fixtures.path("bundles/git-archives/swift-log-1.16.2.tar")

    /// swift-log extracted, and its manifest written before any tampering.
    final class Bundle {
        let temp: TempDir
        let root: String
        let manifest: String

        init(format: ManifestFormat = .assay, pretty: Bool = true) throws {
            temp = try TempDir()
            try temp.run("tar", "-xf", ManifestFileVerificationTests.archive, "-C", temp.path)
            root = temp.path + "/swift-log-1.16.2"
            manifest = temp.path + "/manifest"
            let bytes = try ManifestCodec.encode(try BundleReader.read(at: root), as: format, pretty: pretty)
            try Data(bytes).write(to: URL(fileURLWithPath: manifest))
        }

        func file(_ relative: String) -> String { root + "/" + relative }

        /// Flips a byte, deletes a file, adds one, sets an executable bit and swaps a file for a symlink.
        func tamper() throws {
            let edited = file("Sources/Logging/Locks.swift")
            var bytes = try Data(contentsOf: URL(fileURLWithPath: edited))
            bytes[100] ^= 0x01
            try bytes.write(to: URL(fileURLWithPath: edited))
            try FileManager.default.removeItem(atPath: file("README.md"))
            try temp.write("swift-log-1.16.2/Sources/Logging/Added.swift", "// added\n")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file("Package.swift"))
            try FileManager.default.removeItem(atPath: file("LICENSE.txt"))
            try FileManager.default.createSymbolicLink(
                atPath: file("LICENSE.txt"), withDestinationPath: "Package.swift")
        }
    }

    /// The report of reading the manifest, then verifying: the order the two-thread read must match.
    static func readFirst(
        _ path: String, manifest: String, algorithm: DigestAlgorithm? = nil
    ) throws -> VerificationReport {
        let expected = try ManifestCodec.read(contentsOf: manifest, algorithm: algorithm)
        return try Verifier.verify(bundleAt: path, against: expected)
    }

    @Test(arguments: [false, true])
    func tamperedTreeGivesTheSameReport(pretty: Bool) throws {
        let bundle = try Bundle(pretty: pretty)
        let clean = try Verifier.verify(bundleAt: bundle.root, againstManifestAt: bundle.manifest)
        #expect(clean.clean)
        #expect(clean == (try Self.readFirst(bundle.root, manifest: bundle.manifest)))
        try bundle.tamper()
        let report = try Verifier.verify(bundleAt: bundle.root, againstManifestAt: bundle.manifest)
        #expect(report == (try Self.readFirst(bundle.root, manifest: bundle.manifest)))
        #expect(!report.clean)
        #expect(
            Set(report.differences.map(\.kind)) == [.modified, .missing, .added, .executableChanged, .typeChanged])
    }

    @Test func archiveGivesTheSameReport() throws {
        let bundle = try Bundle()
        let report = try Verifier.verify(bundleAt: Self.archive, againstManifestAt: bundle.manifest)
        #expect(report.clean)
        #expect(report == (try Self.readFirst(Self.archive, manifest: bundle.manifest)))
        try bundle.tamper()
        try bundle.temp.run("tar", "-cf", "tampered.tar", "swift-log-1.16.2")
        let tampered = bundle.temp.path + "/tampered.tar"
        let changed = try Verifier.verify(bundleAt: tampered, againstManifestAt: bundle.manifest)
        #expect(!changed.clean)
        #expect(changed == (try Self.readFirst(tampered, manifest: bundle.manifest)))
    }

    /// A listing in another format (read whole, first) and one in another algorithm (the bundle hashed in it).
    @Test func otherFormatsAndAlgorithmsGiveTheSameReport() throws {
        let listing = try Bundle(format: .gnu)
        try listing.tamper()
        let report = try Verifier.verify(bundleAt: listing.root, againstManifestAt: listing.manifest)
        #expect(report == (try Self.readFirst(listing.root, manifest: listing.manifest)))
        #expect(!report.clean)
        let bundle = try Bundle()
        let sha512 = bundle.temp.path + "/sha512.json"
        let read = try BundleReader.read(at: bundle.root, options: ReadOptions(algorithm: .sha512))
        try Data(try ManifestCodec.encode(read, as: .assay)).write(to: URL(fileURLWithPath: sha512))
        let other = try Verifier.verify(bundleAt: bundle.root, againstManifestAt: sha512, algorithm: .sha512)
        #expect(other.clean)
        #expect(other.algorithm == "sha512")
        #expect(other == (try Self.readFirst(bundle.root, manifest: sha512, algorithm: .sha512)))
    }

    /// A manifest that cannot be read is the error, whatever the bundle; a bundle that cannot be read is the error
    /// once the manifest is read.
    @Test func failuresAreTheSameErrors() throws {
        let bundle = try Bundle()
        let text = try String(contentsOfFile: bundle.manifest, encoding: .utf8)
        let truncated = bundle.temp.path + "/truncated.json"
        try Data(text.dropLast(200).utf8).write(to: URL(fileURLWithPath: truncated))
        let damaged = bundle.temp.path + "/damaged.json"
        try Data(text.replacingOccurrences(of: "\"type\" : \"directory\"", with: "\"type\" : \"dir\"").utf8)
            .write(to: URL(fileURLWithPath: damaged))
        let cases: [(bundle: String, manifest: String, algorithm: DigestAlgorithm?)] = [
            (bundle.root, truncated, nil),
            (bundle.temp.path + "/absent", truncated, nil),
            (bundle.root, damaged, nil),
            (bundle.root, bundle.temp.path + "/absent.json", nil),
            (bundle.root, bundle.manifest, .sha512),
            (bundle.temp.path + "/absent", bundle.manifest, nil),
        ]
        for (index, item) in cases.enumerated() {
            let twoThreads = #expect(throws: BundleError.self, "case \(index)") {
                try Verifier.verify(bundleAt: item.bundle, againstManifestAt: item.manifest, algorithm: item.algorithm)
            }
            let readFirst = #expect(throws: BundleError.self, "case \(index)") {
                try Self.readFirst(item.bundle, manifest: item.manifest, algorithm: item.algorithm)
            }
            #expect(twoThreads?.description == readFirst?.description, "case \(index)")
            #expect(twoThreads?.code == readFirst?.code, "case \(index)")
        }
    }
}
