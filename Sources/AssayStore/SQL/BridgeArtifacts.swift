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
}
