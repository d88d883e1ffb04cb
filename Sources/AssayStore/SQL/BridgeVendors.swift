import GRDB

extension SQLConnection {
    /// The GRDB connection behind this one, for the vendor, record, X.509 and evidence code that still calls
    /// functions taking `Database` in areas not yet on the seam.
    /// TRANSITION: removed when every area is ported.
    var grdbForVendors: Database {
        get throws {
            guard let db = self as? Database else { throw StoreError.database("not SQLite") }
            return db
        }
    }
}
