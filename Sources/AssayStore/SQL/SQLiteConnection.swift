import Foundation
internal import GRDB
internal import GRDBSQLite

/// The SQLite store's connections: GRDB's `Database`, inside the store's transactions.
///
/// GRDB prepares and caches the statements and owns the transactions; the seam binds, steps and reads its cached
/// statements through SQLite's own API, so a value goes from `SQLValue` to SQLite and back without being converted
/// through GRDB's `DatabaseValue` and `StatementArguments` on the way (about 15 % of a bulk insert's time went
/// there).
extension Database: SQLConnection {
    var dialect: SQLDialect { .sqlite }

    func run(_ sql: String, _ arguments: [SQLValue]) throws {
        try step(sql, arguments) { _, _ in true }
    }

    // Not `RETURNING`: SQLite runs such a statement to its end into a temporary table first (an insert into the
    // certification table took twice as long with it, measured alone). The ids and counts SQLite keeps are those of
    // the statement itself, not of the rows its triggers write.
    func insertReturningId(_ sql: String, _ arguments: [SQLValue]) throws -> Int64 {
        try run(sql, arguments)
        return sqlite3_last_insert_rowid(sqliteConnection)
    }

    func changes(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try run(sql, arguments)
        return Int(sqlite3_changes(sqliteConnection))
    }

    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws {
        try scan(sql, arguments) { row in
            try body(row)
            return true
        }
    }

    // SQLite steps through a statement's rows one by one: a scan is a plain query.
    func scan(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Bool) throws {
        try step(sql, arguments) { statement, columns in
            let count = sqlite3_column_count(statement)
            var values: [SQLValue] = []
            values.reserveCapacity(Int(count))
            for index in 0..<count {
                values.append(SQLValue(column: index, of: statement))
            }
            return try body(SQLRow(columns: columns, values: values))
        }
    }

    /// Runs `sql` with `arguments` bound and calls `row` after each step that returned a row, until it returns
    /// `false` or the statement is done; the statement is reset and its bindings cleared whatever happens.
    private func step(
        _ sql: String, _ arguments: [SQLValue], row: (SQLiteStatement, SQLColumns) throws -> Bool
    ) throws {
        var statement = try cachedStatement(sql: sql)
        // A cached statement still stepping (a query run again from inside its own rows) gets a fresh one.
        if sqlite3_stmt_busy(statement.sqliteStatement) != 0 {
            statement = try makeStatement(sql: sql)
        }
        let handle = statement.sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE, message: "\(arguments.count) arguments for \(expected) parameters", sql: sql)
        }
        // Small values are copied by SQLite; large ones (a transaction's record rows in its log entry run to tens of
        // MiB) are bound where they lie, for as long as the statement runs.
        var inPlace: [Int] = []
        for (position, value) in arguments.enumerated() {
            if value.isLarge {
                inPlace.append(position)
            } else {
                try check(value.bind(to: handle, at: Int32(position + 1)), sql)
            }
        }
        try binding(arguments, at: inPlace[...], to: handle, sql) {
            defer { sqlite3_clear_bindings(handle) }  // before the values bound in place go out of reach
            var columns: SQLColumns?
            while true {
                let code = sqlite3_step(handle)
                switch code {
                case SQLITE_DONE:
                    return
                case SQLITE_ROW:
                    let rowColumns = columns ?? SQLColumns(statement.columnNames)
                    columns = rowColumns
                    guard try row(handle, rowColumns) else { return }
                default:
                    try check(code, sql)
                }
            }
        }
    }

    /// Binds the arguments at `positions` without copying them, one inside the other, and runs `body` within.
    private func binding(
        _ arguments: [SQLValue], at positions: ArraySlice<Int>, to handle: SQLiteStatement, _ sql: String,
        _ body: () throws -> Void
    ) throws {
        guard let position = positions.first else { return try body() }
        try arguments[position].withBinding(to: handle, at: Int32(position + 1)) { code in
            try check(code, sql)
            try binding(arguments, at: positions.dropFirst(), to: handle, sql, body)
        }
    }

    /// Throws SQLite's error for a failed call, as GRDB reports it (the store maps GRDB's errors to its own).
    private func check(_ code: CInt, _ sql: String) throws {
        guard code != SQLITE_OK, let connection = sqliteConnection else { return }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: sqlite3_extended_errcode(connection)),
            message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
}

/// SQLite copies a bound text or blob before the bind returns.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

extension SQLValue {
    /// Text or bytes of 16 KiB or more.
    fileprivate var isLarge: Bool {
        switch self {
        case .text(let text): text.utf8.count >= 16 << 10
        case .blob(let bytes): bytes.count >= 16 << 10
        default: false
        }
    }

    /// Binds the value to a statement's parameter (numbered from 1), copied. Text and bytes are bound with their
    /// length, so a NUL inside them is kept, and empty ones are bound empty rather than NULL.
    fileprivate func bind(to statement: SQLiteStatement, at index: Int32) -> CInt {
        switch self {
        case .null: sqlite3_bind_null(statement, index)
        case .integer(let number): sqlite3_bind_int64(statement, index, number)
        case .real(let number): sqlite3_bind_double(statement, index, number)
        case .text, .blob: withBinding(to: statement, at: index, lifetime: transient) { $0 }
        }
    }

    /// Binds the value where it lies (SQLite's `SQLITE_STATIC`: not copied) and calls `body` with the binding's
    /// result code; the binding must be cleared before `body` returns.
    fileprivate func withBinding<T>(
        to statement: SQLiteStatement, at index: Int32, _ body: (CInt) throws -> T
    ) rethrows -> T {
        try withBinding(to: statement, at: index, lifetime: nil, body)
    }

    private func withBinding<T>(
        to statement: SQLiteStatement, at index: Int32, lifetime: sqlite3_destructor_type?, _ body: (CInt) throws -> T
    ) rethrows -> T {
        switch self {
        case .text(var text):
            return try text.withUTF8 { utf8 in
                guard let start = utf8.baseAddress, !utf8.isEmpty else {
                    return try body(sqlite3_bind_text(statement, index, "", 0, transient))
                }
                return try start.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                    try body(sqlite3_bind_text(statement, index, $0, Int32(utf8.count), lifetime))
                }
            }
        case .blob(let bytes):
            return try bytes.withUnsafeBytes { buffer in
                guard let start = buffer.baseAddress, !buffer.isEmpty else {
                    return try body(sqlite3_bind_zeroblob(statement, index, 0))
                }
                return try body(sqlite3_bind_blob(statement, index, start, Int32(buffer.count), lifetime))
            }
        default:
            return try body(bind(to: statement, at: index))
        }
    }

    /// The value of a column of the row a statement stepped to (numbered from 0).
    fileprivate init(column index: Int32, of statement: SQLiteStatement) {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER:
            self = .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT:
            self = .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            // The text first, then its length (SQLite's documented order).
            let start = sqlite3_column_text(statement, index)
            let count = Int(sqlite3_column_bytes(statement, index))
            self = .text(start.map { String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self) } ?? "")
        case SQLITE_BLOB:
            let start = sqlite3_column_blob(statement, index)
            let count = Int(sqlite3_column_bytes(statement, index))
            self = .blob(start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? [])
        default:
            self = .null
        }
    }
}
