import GRDB

extension SQLConnection {
    /// The SQLite connection underneath, for the calls from the events, risks, checkpoints and registry code into
    /// functions that still take GRDB's `Database`.
    ///
    /// TRANSITION: removed when every area is ported.
    var grdbForEvents: Database {
        get throws {
            guard let db = self as? Database else { throw StoreError.database("not SQLite") }
            return db
        }
    }
}
