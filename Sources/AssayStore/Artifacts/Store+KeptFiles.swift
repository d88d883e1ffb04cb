public import AssayBundle
import Foundation

extension Store {
    /// The path of a file the binary-equivalence records keep (an artefact, a rebuilt copy, an evidence file, a
    /// report), or `nil` when no record keeps a file with that SHA-256 or the file is gone.
    public func keptFile(sha256: String) throws(StoreError) -> String? {
        let listed = try read { db in try db.exists(StoredBlobRecord.self, key: [sha256]) }
        let path = StoredBlobs(location).path(sha256: sha256)
        return listed && FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// A content manifest kept for an artefact or a rebuilt package, by its SHA-256.
    public func contentManifest(sha256: String) throws(StoreError) -> Manifest {
        guard let path = try keptFile(sha256: sha256) else {
            throw StoreError.notFound(entity: "content manifest", id: sha256)
        }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw StoreError.io(path: path, reason: "cannot read the kept content manifest")
        }
        return try PackageContent.manifest(Array(bytes), name: path)
    }
}
