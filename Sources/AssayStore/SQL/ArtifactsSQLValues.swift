/// A rebuild attempt's exit status (`Int32`, as the process reports it) is stored as an integer, as GRDB stored it.
extension Int32: SQLValueConvertible {
    var sqlValue: SQLValue { .integer(Int64(self)) }
    init?(sqlValue value: SQLValue) {
        guard let number = Int64(sqlValue: value), let exact = Int32(exactly: number) else { return nil }
        self = exact
    }
}
