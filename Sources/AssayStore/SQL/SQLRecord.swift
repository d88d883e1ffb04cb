/// A row type of one table, read and written through its `Codable` form: each coding key is a column.
///
/// Stored as the SQLite store always stored records (GRDB's rules): a value with its own column form
/// (``SQLValueConvertible``) as that, `nil` as NULL, any other nested value as JSON text with sorted keys.
protocol SQLRecord: Codable {
    /// The table the rows live in.
    static var databaseTableName: String { get }
    /// The primary-key columns (`id` unless the table says otherwise).
    static var keyColumns: [String] { get }
}

extension SQLRecord {
    static var keyColumns: [String] { ["id"] }

    /// `"table"`, quoted for SQL.
    static var quotedTable: String { SQL.identifier(databaseTableName) }
}

/// A record whose table numbers its rows: `id` is `nil` until the row is inserted.
protocol SQLNumberedRecord: SQLRecord {
    var id: Int64? { get set }
}

/// Helpers for writing SQL text.
enum SQL {
    /// An identifier in double quotes (both databases' standard quoting).
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `?, ?, …` for `count` placeholders.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

extension SQLConnection {
    /// Inserts a record whose key the caller chose.
    func insert<R: SQLRecord>(_ record: R) throws {
        let columns = try SQLRowEncoder.columns(of: record)
        try run(Self.insertSQL(R.self, columns.map(\.name)), columns.map(\.value))
    }

    /// Inserts a numbered record, setting its `id` from the database when it has none.
    func insert<R: SQLNumberedRecord>(_ record: inout R) throws {
        var columns = try SQLRowEncoder.columns(of: record)
        if record.id == nil { columns.removeAll { $0.name == "id" } }
        record.id = try insertReturningId(Self.insertSQL(R.self, columns.map(\.name)), columns.map(\.value))
    }

    /// Writes every column of an existing record, found by its key; `false` when there is no such row.
    @discardableResult
    func update<R: SQLRecord>(_ record: R) throws -> Bool {
        let columns = try SQLRowEncoder.columns(of: record)
        let keys = R.keyColumns
        let set = columns.filter { !keys.contains($0.name) }
        let key = try keys.map { name in
            guard let column = columns.first(where: { $0.name == name }) else {
                throw StoreError.database("\(R.databaseTableName) record has no key column '\(name)'")
            }
            return column.value
        }
        guard !set.isEmpty else { return try exists(R.self, key: key) }
        let sql = "UPDATE \(R.quotedTable) SET "
            + set.map { "\(SQL.identifier($0.name)) = ?" }.joined(separator: ", ")
            + " WHERE " + Self.keyCondition(R.self)
        return try changes(sql, set.map(\.value) + key) > 0
    }

    /// Deletes the row with this key; `false` when there was none.
    @discardableResult
    func delete<R: SQLRecord>(_ type: R.Type, key: [any SQLValueConvertible]) throws -> Bool {
        try changes("DELETE FROM \(R.quotedTable) WHERE \(Self.keyCondition(R.self))", key) > 0
    }

    /// The row with this key, `nil` when there is none.
    func find<R: SQLRecord>(_ type: R.Type, key: [any SQLValueConvertible]) throws -> R? {
        try one(R.self, "SELECT * FROM \(R.quotedTable) WHERE \(Self.keyCondition(R.self))", key)
    }

    /// The numbered row with this id, `nil` when there is none.
    func find<R: SQLNumberedRecord>(_ type: R.Type, id: Int64) throws -> R? {
        try find(R.self, key: [id])
    }

    /// True when a row with this key exists.
    func exists<R: SQLRecord>(_ type: R.Type, key: [any SQLValueConvertible]) throws -> Bool {
        try exists("SELECT 1 FROM \(R.quotedTable) WHERE \(Self.keyCondition(R.self))", key)
    }

    /// How many rows the table has.
    func count<R: SQLRecord>(_ type: R.Type) throws -> Int {
        try value(Int.self, "SELECT COUNT(*) FROM \(R.quotedTable)") ?? 0
    }

    private static func insertSQL<R: SQLRecord>(_ type: R.Type, _ columns: [String]) -> String {
        "INSERT INTO \(R.quotedTable) (" + columns.map(SQL.identifier).joined(separator: ", ") + ") VALUES ("
            + SQL.placeholders(columns.count) + ")"
    }

    private static func keyCondition<R: SQLRecord>(_ type: R.Type) -> String {
        R.keyColumns.map { "\(SQL.identifier($0)) = ?" }.joined(separator: " AND ")
    }
}
