public import AssayBundle
import Foundation

extension Store {
    /// The path of a file the binary-equivalence records keep (an artefact, a rebuilt copy, an evidence file, a
    /// report), or `nil` when no record keeps a file with that SHA-256 or the file is gone. A PostgreSQL store's
    /// file that this machine has not kept yet is copied from the database into its cache first.
    public func keptFile(sha256: String) throws(StoreError) -> String? {
        guard try read({ db in try db.exists(StoredBlobRecord.self, key: [sha256]) }) else { return nil }
        let path: String
        do {
            path = try storedFilePath(sha256: sha256)
        } catch {
            if case .notFound = error { return nil }
            throw error
        }
        return FileManager.default.fileExists(atPath: path) ? path : nil
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
