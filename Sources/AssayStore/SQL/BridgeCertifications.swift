import GRDB

extension SQLConnection {
    /// The SQLite connection, for the calls from certifications and imports into areas still written against GRDB.
    /// TRANSITION: removed when every area is ported.
    var grdbForCertifications: Database {
        get throws {
            guard let db = self as? Database else { throw StoreError.database("not SQLite") }
            return db
        }
    }
}
