import GRDB

extension SQLConnection {
    /// The SQLite connection, for the calls from the escrow, dossier, audit-run and pack code into areas that still
    /// take GRDB's `Database`.
    /// TRANSITION: removed when every area is ported.
    var grdbForEscrow: Database {
        get throws {
            guard let db = self as? Database else { throw StoreError.database("not SQLite") }
            return db
        }
    }
}
