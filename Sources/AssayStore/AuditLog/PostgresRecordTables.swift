/// The PostgreSQL store's record tables, and the tracking that collects the rows a transaction writes.
///
/// Triggers on every record table (``PostgresRecordTracking``) note each written row's key in the session's
/// temporary table `assay_touched`, when the session has one: only Assay's own transactions create it, so edits
/// made by other programs are not noted and never reach the log, as in SQLite. Keys and states are then written in
/// Swift as SQLite writes them (``RecordStateText``).
enum PostgresRecordTables {
    /// Tables that are not records: the log, the migrator's bookkeeping, and stored files' bytes (files beside the
    /// database in SQLite, checked as evidence, not as records).
    static let excluded: Set<String> = ["auditLog", PostgresMigrator.table, PostgresMigrations.blobTable]

    /// Every record table of the database, by name (read once per connection).
    static func all(_ db: PostgresSQLConnection) throws -> [RecordTable] {
        if let known = db.recordTables { return known }
        var tables: [RecordTable] = []
        var current: (name: String, columns: [String], keys: [(Int, String)], blobs: Set<String>, integers: Set<String>)?
        func close() {
            guard let table = current else { return }
            tables.append(
                RecordTable(
                    name: table.name, columns: table.columns, keyColumns: table.keys.sorted { $0.0 < $1.0 }.map(\.1),
                    blobColumns: table.blobs, integerColumns: table.integers))
        }
        let rows = try db.rows(
            """
            SELECT c.relname AS "table", a.attname AS "column", t.typname AS "type",
                   (SELECT k.ord FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) WHERE k.attnum = a.attnum)
                       AS "keyPosition"
            FROM pg_class AS c
            JOIN pg_namespace AS n ON n.oid = c.relnamespace
            JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            JOIN pg_type AS t ON t.oid = a.atttypid
            LEFT JOIN pg_index AS i ON i.indrelid = c.oid AND i.indisprimary
            WHERE n.nspname = current_schema() AND c.relkind = 'r'
            ORDER BY c.relname COLLATE "C", a.attnum
            """)
        for row in rows {
            let name: String = try row["table"]
            if excluded.contains(name) { continue }
            if current?.name != name {
                close()
                current = (name, [], [], [], [])
            }
            let column: String = try row["column"]
            let type: String = try row["type"]
            current?.columns.append(column)
            if let position: Int64 = try row["keyPosition"] as Int64? { current?.keys.append((Int(position), column)) }
            if type == "bytea" { current?.blobs.insert(column) }
            if ["int2", "int4", "int8"].contains(type) { current?.integers.insert(column) }
        }
        close()
        db.recordTables = tables
        return tables
    }

    /// Gives the session an empty `assay_touched` table, which turns the triggers on for it.
    static func prepareTracking(_ db: PostgresSQLConnection) throws {
        try db.run(
            """
            CREATE TEMP TABLE IF NOT EXISTS "assay_touched" (
                "tbl" TEXT COLLATE "C" NOT NULL, "k1" TEXT COLLATE "C", "k2" TEXT COLLATE "C")
            """, [])
        try db.run(#"DELETE FROM pg_temp."assay_touched""#, [])
    }

    /// The rows written since ``prepareTracking(_:)``, sorted by table and key, each with its state as it is now.
    static func takeTouchedRows(_ db: PostgresSQLConnection) throws -> [RecordRow] {
        let tables = Dictionary(try all(db).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [RecordRow] = []
        let names = try db.values(String.self, #"SELECT DISTINCT "tbl" FROM pg_temp."assay_touched" ORDER BY "tbl""#)
        for name in names {
            guard let table = tables[name], (1...2).contains(table.keyColumns.count) else {
                throw StoreError.database("table '\(name)' has no key the log can state")
            }
            var states: [String: String] = [:]
            let match = table.keyColumns.enumerated().map { index, column in
                "touched.\"k\(index + 1)\" = rec.\(SQL.identifier(column))::text"
            }
            try db.forEachRow(
                """
                SELECT rec.* FROM \(table.quotedName) AS rec WHERE EXISTS (
                    SELECT 1 FROM pg_temp."assay_touched" AS touched
                    WHERE touched."tbl" = ? AND \(match.joined(separator: " AND ")))
                """, [.text(name)]
            ) { row in
                let (key, state) = try stated(row, of: table)
                states[key] = state
            }
            var keys = Set<String>()
            try db.forEachRow(
                #"SELECT DISTINCT "k1", "k2" FROM pg_temp."assay_touched" WHERE "tbl" = ?"#, [.text(name)]
            ) { row in
                let values = try table.keyColumns.enumerated().map { index, column -> SQLValue in
                    let text: String? = try row[index]
                    guard let text else { return .null }
                    guard table.integerColumns.contains(column) else { return .text(text) }
                    guard let number = Int64(text) else { throw StoreError.database("key '\(text)' of \(name)") }
                    return .integer(number)
                }
                keys.insert(try RecordStateText.key(values))
            }
            for key in keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                rows.append(RecordRow(table: name, key: key, state: states[key]))
            }
        }
        try db.run(#"DELETE FROM pg_temp."assay_touched""#, [])
        return rows
    }

    /// Calls `body` with each row's key and the bytes of its state, reading the table through a cursor.
    static func forEachRowBytes(
        _ table: RecordTable, _ db: PostgresSQLConnection, _ body: (String, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try db.scan("SELECT * FROM \(table.quotedName)", []) { row in
            var (key, state) = try stated(row, of: table)
            try state.withUTF8 { try body(key, UnsafeRawBufferPointer($0)) }
            return true
        }
    }

    /// A row's key and state, as SQLite states them.
    private static func stated(_ row: SQLRow, of table: RecordTable) throws -> (key: String, state: String) {
        let key = try RecordStateText.key(table.keyColumns.map { row.sqlValue($0) ?? .null })
        let state = try RecordStateText.state(
            columns: row.columns.names, values: row.values, blobColumns: table.blobColumns)
        return (key, state)
    }
}
