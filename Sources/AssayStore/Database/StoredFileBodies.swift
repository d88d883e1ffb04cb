import Foundation

/// The bytes of the files a store keeps (evidence, artefacts, manifests, build logs, reports), by SHA-256.
///
/// An SQLite store keeps them in its folder beside the database, written there before the transaction that lists
/// them. A PostgreSQL store has no folder every client shares: the file is written into this machine's cache
/// folder in the same way, and its bytes go into the `blobBody` table in the transaction that lists it; a client
/// that reads a file another one stored copies it from there into its cache first.
extension Store {
    /// In a PostgreSQL store, puts the bytes of a file just kept at `path` into `blobBody`, inside the caller's
    /// transaction (once per SHA-256); nothing for an SQLite store, whose folder already holds it.
    static func recordBody(_ db: any SQLConnection, sha256: String, path: String) throws {
        guard db.dialect == .postgresql else { return }
        if try db.exists(#"SELECT 1 FROM "blobBody" WHERE "sha256" = ?"#, [sha256]) { return }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw StoreError.io(path: path, reason: "the stored file is missing")
        }
        try db.run(
            #"INSERT INTO "blobBody" ("sha256", "body") VALUES (?, ?) ON CONFLICT ("sha256") DO NOTHING"#,
            [sha256, bytes])
    }

    /// Where the file with this SHA-256 is on this machine: in the store's folder, or for a PostgreSQL store in
    /// this machine's cache, copied there from the database when it is not there yet.
    public func storedFilePath(sha256: String) throws(StoreError) -> String {
        let path = location.evidenceDirectory + "/" + EvidenceBlobs.relativePath(sha256: sha256)
        guard case .postgreSQL = backend, !FileManager.default.fileExists(atPath: path) else { return path }
        let body = try read { db in
            try db.value(Data.self, #"SELECT "body" FROM "blobBody" WHERE "sha256" = ?"#, [sha256])
        }
        guard let body else { throw StoreError.notFound(entity: "stored file", id: sha256) }
        let stored = try EvidenceBlobs(root: location.evidenceDirectory).store(bytes: Array(body), name: "stored file \(sha256)")
        guard stored.sha256 == sha256 else {
            throw StoreError.io(path: path, reason: "the database holds other bytes under this SHA-256")
        }
        return path
    }
}
