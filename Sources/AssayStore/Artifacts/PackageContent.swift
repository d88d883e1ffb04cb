import AssayBundle
import AssayCrypto

/// The contents of a package or archive read as a bundle: its bundle digest (archive metadata left out) and its
/// canonical manifest, kept so that the members that differ between two builds can be named later.
struct PackageContent: Sendable {
    /// The bundle digest in lowercase hex, as deposits state theirs.
    var digest: String
    /// The manifest in Assay's JSON form.
    var manifest: [UInt8]

    /// Reads a file as a bundle; `nil` when it is no archive or package (an executable, a text file).
    static func read(_ path: String) throws(StoreError) -> PackageContent? {
        let manifest: Manifest
        do {
            manifest = try BundleReader.read(at: path)
        } catch {
            if case .unrecognizedFormat = error { return nil }
            throw .bundle(error)
        }
        guard let digest = manifest.bundleDigest else { return nil }
        do {
            return PackageContent(digest: digest.hex, manifest: try ManifestCodec.encode(manifest, as: .assay))
        } catch {
            throw .bundle(error)
        }
    }

    /// The stored manifest's entries decoded, to compare two contents.
    static func manifest(_ bytes: [UInt8], name: String) throws(StoreError) -> Manifest {
        do {
            return try ManifestCodec.decode(bytes, file: name, format: .assay)
        } catch {
            throw .bundle(error)
        }
    }
}
