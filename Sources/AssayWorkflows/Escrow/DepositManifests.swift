public import AssayBundle
public import AssayStore

/// The manifests recorded with deposits: their canonical bytes (what a vendor signs for `escrow verify`), exported
/// to a file, and the differences between two deposits.
public enum DepositManifests {
    /// The canonical (Assay JSON) encoding of deposit `deposit`'s manifest.
    public static func canonicalBytes(of deposit: Int64, in store: Store) throws -> [UInt8] {
        try ManifestCodec.encode(try store.depositManifest(deposit), as: .assay)
    }

    /// Writes deposit `deposit`'s canonical manifest to `path`, through a temporary file renamed into place.
    public static func export(_ deposit: Int64, in store: Store, to path: String) throws {
        try AtomicFile.write(try canonicalBytes(of: deposit, in: store), to: path)
    }

    /// What changed from deposit `old` to deposit `new`: paths added, removed and changed, and bytes.
    public static func diff(from old: Int64, to new: Int64, in store: Store) throws -> ManifestDiff {
        try ManifestDiff(from: store.depositManifest(old), to: store.depositManifest(new))
    }
}
