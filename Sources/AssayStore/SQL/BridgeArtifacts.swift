import GRDB

extension SQLConnection {
    /// TRANSITION: removed when every area is ported. The GRDB database behind this connection, for the artefact
    /// records' calls into areas that still take a `Database`.
    var grdbForArtifacts: Database {
        get throws {
            guard let db = self as? Database else { throw StoreError.database("not SQLite") }
            return db
        }
    }

    /// TRANSITION: removed when every area is ported. A deposit's stored manifest as the escrow area reads it (GRDB
    /// kept the bytes as the JSON text of their numbers, which the seam's `[UInt8]` column form does not read);
    /// `nil` when there is none. The escrow port's own seam read replaces it.
    func depositManifestBodyForArtifacts(_ depositId: Int64) throws -> [UInt8]? {
        try ManifestRecord.fetchOne(try grdbForArtifacts, key: depositId)?.body
    }
}
