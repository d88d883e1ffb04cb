/// The SQL a store runs, for the few statements whose spelling differs between the two databases.
enum SQLDialect: Sendable {
    case sqlite
    case postgresql
}

/// A connection inside one of the store's transactions, whichever database it reaches: the one seam between the
/// store's rules and its SQL.
///
/// Statements use `?` placeholders and double-quoted identifiers, and stick to SQL both databases read alike:
/// `ON CONFLICT … DO`, `COALESCE`, `CASE`, window-free joins and sub-selects. Text is compared
/// and ordered byte for byte (`COLLATE "C"` columns in PostgreSQL, SQLite's BINARY), so results come out in the same
/// order from both.
protocol SQLConnection: AnyObject {
    /// Which database this is.
    var dialect: SQLDialect { get }
    /// Runs one statement.
    func run(_ sql: String, _ arguments: [SQLValue]) throws
    /// Runs one query and calls `body` with each row, in order.
    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws
    /// Runs a query over a whole table and calls `body` with each row, in order, until it returns `false`, holding
    /// only a batch of rows in memory at a time.
    func scan(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Bool) throws
    /// Runs an `INSERT` of one row into a table keyed by an integer `"id"`; the new row's id.
    func insertReturningId(_ sql: String, _ arguments: [SQLValue]) throws -> Int64
    /// Runs an `UPDATE` or `DELETE`; how many rows it changed.
    func changes(_ sql: String, _ arguments: [SQLValue]) throws -> Int
}

extension SQLConnection {
    /// Runs one statement.
    func run(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws {
        try run(sql, arguments.map { $0.sqlValue })
    }

    /// Runs an `INSERT` of one row into a table keyed by an integer `"id"`; the new row's id.
    func insertReturningId(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> Int64 {
        try insertReturningId(sql, arguments.map { $0.sqlValue })
    }

    /// Runs an `UPDATE` or `DELETE`; how many rows it changed.
    func changes(_ sql: String, _ arguments: [any SQLValueConvertible]) throws -> Int {
        try changes(sql, arguments.map { $0.sqlValue })
    }

    /// Every row of a query.
    func rows(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try forEachRow(sql, arguments.map { $0.sqlValue }) { rows.append($0) }
        return rows
    }

    /// The first row of a query, `nil` when it returns none.
    func row(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> SQLRow? {
        try rows(sql, arguments).first
    }

    /// The first column of the first row, `nil` when there is no row or the value is NULL.
    func value<T: SQLValueConvertible>(
        _ type: T.Type = T.self, _ sql: String, _ arguments: [any SQLValueConvertible] = []
    ) throws -> T? {
        guard let row = try row(sql, arguments), let first = row.values.first, !first.isNull else { return nil }
        let value: T = try row[0]
        return value
    }

    /// The first column of every row.
    func values<T: SQLValueConvertible>(
        _ type: T.Type = T.self, _ sql: String, _ arguments: [any SQLValueConvertible] = []
    ) throws -> [T] {
        try rows(sql, arguments).map { row throws in try row[0] as T }
    }

    /// Every row of a query, decoded as records.
    func all<R: Decodable>(
        _ type: R.Type, _ sql: String, _ arguments: [any SQLValueConvertible] = []
    ) throws -> [R] {
        try rows(sql, arguments).map { try SQLRowDecoder.decode(R.self, from: $0) }
    }

    /// The first row of a query decoded as a record, `nil` when it returns none.
    func one<R: Decodable>(
        _ type: R.Type, _ sql: String, _ arguments: [any SQLValueConvertible] = []
    ) throws -> R? {
        try row(sql, arguments).map { try SQLRowDecoder.decode(R.self, from: $0) }
    }

    /// True when the query returns a row.
    func exists(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> Bool {
        try row(sql, arguments) != nil
    }
}
