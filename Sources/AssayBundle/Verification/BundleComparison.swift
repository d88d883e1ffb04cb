import Foundation

/// Two bundles compared by content: two builds of a package, a package and an extracted tree, two archives. Says
/// which paths were added, removed or changed, and whether the two differ only in archive metadata (mtimes,
/// owners, member order, compression), which the bundle digest leaves out; `Codable` as
/// `Schemas/bundle-comparison.schema.json`.
public struct BundleComparison: Codable, Equatable, Sendable {
    /// The version of the comparison format.
    public static let currentFormatVersion = 1

    /// The outcome.
    public enum Verdict: String, Codable, Sendable {
        /// The same bytes: both are the same file (or trees of the same content).
        case identical
        /// The same content (equal bundle digests) in files whose bytes differ: only archive metadata differs, and
        /// for packages perhaps their control data (see ``BundleComparison/metadataDifferences``).
        case sameContent = "same-content"
        /// Paths were added, removed or changed, or a side has error findings.
        case differs
    }

    /// One of the two bundles.
    public struct Side: Codable, Equatable, Sendable {
        /// The path given.
        public var path: String
        /// What it was read as: `directory`, `tar.gz`, `deb`, `rpm`…
        public var source: String
        /// The bundle digest of its content.
        public var bundleDigest: String?
        /// The digest of the file's own bytes (absent for a directory).
        public var fileDigest: String?
        /// What a package says about itself.
        public var package: PackageMetadata?
        /// Warnings and errors noticed while reading it.
        public var findings: [BundleFinding]
    }

    /// The format version.
    public var formatVersion = BundleComparison.currentFormatVersion
    /// The digest algorithm of every digest here.
    public var algorithm: String
    /// The outcome.
    public var verdict: Verdict
    /// The first bundle.
    public var old: Side
    /// The second bundle.
    public var new: Side
    /// The package fields that differ (`version`, `members`, `payload`…): reported, never part of the verdict.
    public var metadataDifferences: [String]
    /// Path by path.
    public var diff: ManifestDiff

    /// The CLI exit status: 0 for the same content, 1 when it differs (2, trouble, is any thrown error).
    public var exitStatus: Int32 { verdict == .differs ? 1 : 0 }

    /// Reads both bundles with `options` and compares them.
    public static func compare(
        _ oldPath: String, _ newPath: String, as kind: BundleReader.Kind = .auto, options: ReadOptions = ReadOptions()
    ) throws(BundleError) -> BundleComparison {
        let old = try BundleReader.read(at: oldPath, as: kind, options: options)
        let new = try BundleReader.read(at: newPath, as: kind, options: options)
        let diff = try ManifestDiff(from: old, to: new)
        let sides = (try side(oldPath, old, options: options), try side(newPath, new, options: options))
        let broken = (old.findings + new.findings).contains { $0.severity == .error }
        let verdict: Verdict =
            !diff.isEmpty || broken || old.bundleDigest != new.bundleDigest
            ? .differs
            : sides.0.fileDigest != nil && sides.0.fileDigest == sides.1.fileDigest
                ? .identical
                : .sameContent
        return BundleComparison(
            algorithm: options.algorithm.rawValue, verdict: verdict, old: sides.0, new: sides.1,
            metadataDifferences: metadataDifferences(old.package, new.package), diff: diff)
    }

    private static func side(_ path: String, _ manifest: Manifest, options: ReadOptions) throws(BundleError) -> Side {
        var isDirectory: ObjCBool = false
        let isFile = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        var fileDigest: String?
        if isFile {
            let single = try BundleReader.read(at: path, as: .file, options: options)
            fileDigest = single.entries.first { $0.type == .file }?.digest?.hex
        }
        return Side(
            path: path, source: manifest.source, bundleDigest: manifest.bundleDigest?.hex, fileDigest: fileDigest,
            package: manifest.package, findings: manifest.findings.filter { $0.severity != .info })
    }

    /// The names of the package fields that differ; every field when only one side is a package.
    static func metadataDifferences(_ old: PackageMetadata?, _ new: PackageMetadata?) -> [String] {
        guard old != nil || new != nil else { return [] }
        let fields: [(String, (PackageMetadata?) -> String?)] = [
            ("format", { $0?.format.rawValue }), ("name", { $0?.name }), ("version", { $0?.version }),
            ("release", { $0?.release }), ("architecture", { $0?.architecture }),
            ("members", { $0?.members.joined(separator: "\n") }),
            ("controlFiles", { $0?.controlFiles.joined(separator: "\n") }), ("payload", { $0?.payload }),
        ]
        return fields.filter { $0.1(old) != $0.1(new) }.map(\.0)
    }
}
