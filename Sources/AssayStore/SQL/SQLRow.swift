/// The column names of a query's rows, shared by all of them.
final class SQLColumns: Sendable {
    /// The names, in select order.
    let names: [String]
    private let positions: [String: Int]

    init(_ names: [String]) {
        self.names = names
        positions = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The position of the first column of this name.
    func position(of name: String) -> Int? { positions[name] }
}

/// One row a query returned, whichever database ran it.
struct SQLRow: Sendable {
    let columns: SQLColumns
    /// One value per column.
    let values: [SQLValue]

    /// The raw value of the named column, `nil` when the row has no such column.
    func sqlValue(_ column: String) -> SQLValue? {
        columns.position(of: column).map { values[$0] }
    }

    /// True when the row has a column of this name.
    func has(_ column: String) -> Bool { columns.position(of: column) != nil }

    /// The named column's value as `T`; an error names the column when it is missing or holds another kind of value.
    subscript<T: SQLValueConvertible>(_ column: String) -> T {
        get throws(StoreError) {
            guard let value = sqlValue(column) else { throw StoreError.database("no column '\(column)' in the row") }
            return try Self.convert(value, column: column)
        }
    }

    /// The value at `position` as `T`.
    subscript<T: SQLValueConvertible>(_ position: Int) -> T {
        get throws(StoreError) {
            guard values.indices.contains(position) else {
                throw StoreError.database("no column \(position) in the row")
            }
            return try Self.convert(values[position], column: columns.names[position])
        }
    }

    private static func convert<T: SQLValueConvertible>(_ value: SQLValue, column: String) throws(StoreError) -> T {
        guard let converted = T(sqlValue: value) else {
            throw StoreError.database("column '\(column)' holds \(value.kind), not a \(T.self)")
        }
        return converted
    }
}

extension SQLValue {
    /// What kind of value this is, for messages.
    var kind: String {
        switch self {
        case .null: "NULL"
        case .integer: "an integer"
        case .real: "a real number"
        case .text: "text"
        case .blob: "bytes"
        }
    }
}

extension SQLValue: SQLValueConvertible {
    var sqlValue: SQLValue { self }
    init?(sqlValue value: SQLValue) { self = value }
}
