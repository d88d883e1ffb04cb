import AssayCrypto
import Foundation
internal import GRDB

/// The SQLite store's record tables, and the temporary triggers that collect the rows a transaction writes.
enum SQLiteRecordTables {
    /// Tables that are not records: the log itself and the migrator's bookkeeping.
    private static let excluded: Set<String> = ["auditLog", "grdb_migrations"]
    /// The SQL function that states a BLOB as `sha256:HEX`.
    static let digestFunctionName = "assay_sha256"

    /// `assay_sha256(value)`: `sha256:HEX` of a BLOB's or text's bytes, NULL for NULL. Registered on every
    /// connection, since both the write triggers and verification use it.
    static var digestFunction: DatabaseFunction {
        DatabaseFunction(digestFunctionName, argumentCount: 1, pure: true) { values in
            let value = values[0]
            let bytes: [UInt8]
            switch value.storage {
            case .null: return nil
            case .blob(let data): bytes = Array(data)
            case .string(let text): bytes = Array(text.utf8)
            case .int64(let number): bytes = Array(String(number).utf8)
            case .double(let number): bytes = Array(String(number).utf8)
            }
            return "sha256:" + (try DigestContext.digest(bytes)).hex
        }
    }

    /// Every record table of the database, by name.
    static func all(_ db: Database) throws -> [RecordTable] {
        let names = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                ORDER BY name
                """)
        return try names.filter { !excluded.contains($0) }.map { name in
            let columns = try db.columns(in: name, in: "main")
            return RecordTable(
                name: name, columns: columns.map(\.name),
                keyColumns: try db.primaryKey(name, in: "main").columns,
                blobColumns: Set(columns.filter { $0.type.uppercased() == "BLOB" }.map(\.name)))
        }
    }

    /// Creates, once per connection, the temporary table and triggers that note the key of every record row the
    /// connection inserts, updates or deletes (cascades included). They are temporary: edits made by other programs
    /// do not fire them, which is the point: those edits never reach the log.
    ///
    /// A trigger only appends the key (an update, the old key and the new); ``takeTouchedRows(_:)`` states each
    /// noted row as it is when the transaction ends, which is the state its last write left, since every write of
    /// this connection to a record table fires a trigger. Noting the state at every write instead cost three times
    /// as much per row, in a table keyed by row.
    static func prepareTracking(_ db: Database) throws {
        let ready = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM temp.sqlite_master WHERE name = 'assay_touched')")
        if ready == true {
            try db.execute(sql: "DELETE FROM temp.assay_touched")
            return
        }
        try db.execute(sql: "CREATE TEMP TABLE assay_touched (tbl TEXT NOT NULL, key TEXT NOT NULL)")
        for table in try all(db) {
            let quoted = table.name.quotedDatabaseIdentifier
            let name = RecordTables.literal(table.name)
            // (Unqualified: a trigger may not name a table's schema; temp is searched first.)
            func note(_ rows: String...) -> String {
                "INSERT INTO assay_touched (tbl, key) VALUES "
                    + rows.map { "(\(name), \(table.keySQL($0)))" }.joined(separator: ", ") + ";"
            }
            let trigger = { (event: String) in "assay_touch_\(table.name)_\(event)".quotedDatabaseIdentifier }
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER \(trigger("insert")) AFTER INSERT ON main.\(quoted) BEGIN \(note("NEW")) END;
                    CREATE TEMP TRIGGER \(trigger("update")) AFTER UPDATE ON main.\(quoted) BEGIN \(note("OLD", "NEW")) END;
                    CREATE TEMP TRIGGER \(trigger("delete")) AFTER DELETE ON main.\(quoted) BEGIN \(note("OLD")) END;
                    """)
        }
    }

    /// The rows written since ``prepareTracking(_:)``, sorted by table and key, each with its state as it is now
    /// (`nil` for a row that no longer exists), forgetting them.
    static func takeTouchedRows(_ db: Database) throws -> [RecordRow] {
        let exists = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM temp.sqlite_master WHERE name = 'assay_touched')")
        guard exists == true else { return [] }
        let tables = Dictionary(try all(db).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [RecordRow] = []
        for name in try String.fetchAll(db, sql: "SELECT DISTINCT tbl FROM temp.assay_touched ORDER BY tbl") {
            // One query per table, each key's state read through the primary key; a table dropped in the
            // transaction has no row left.
            let state = tables[name].map { $0.stateSQL(ofKey: "touched.key") } ?? "NULL"
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT touched.key, (\(state))
                    FROM (SELECT DISTINCT key FROM temp.assay_touched WHERE tbl = ?) AS touched ORDER BY touched.key
                    """, arguments: [name])
            while let row = try cursor.next() { rows.append(RecordRow(table: name, key: row[0], state: row[1])) }
        }
        try db.execute(sql: "DELETE FROM temp.assay_touched")
        return rows
    }

    /// Calls `body` with each row's key and the bytes of its state, as SQLite wrote it.
    static func forEachRowBytes(
        _ table: RecordTable, _ db: Database, _ body: (String, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let quoted = "main.\(table.quotedName)"
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT \(table.keySQL(quoted)), \(table.stateSQL(quoted)) FROM \(quoted)")
        while let row = try cursor.next() {
            let key: String = row[0]
            try row.withUnsafeData(atIndex: 1) { data in
                try (data ?? Data()).withUnsafeBytes { state in try body(key, state) }
            }
        }
    }
}

extension RecordTable {
    /// SQL for a row's key; `row` is `NEW`, `OLD` or the table itself.
    func keySQL(_ row: String) -> String {
        "json_array(" + keyColumns.map { "\(row).\($0.quotedDatabaseIdentifier)" }.joined(separator: ",") + ")"
    }

    /// SQL for a row's state; `row` is `NEW`, `OLD` or the table itself.
    func stateSQL(_ row: String) -> String {
        let fields = columns.map { column in
            let value = "\(row).\(column.quotedDatabaseIdentifier)"
            let stated = blobColumns.contains(column) ? "\(SQLiteRecordTables.digestFunctionName)(\(value))" : value
            return "\(RecordTables.literal(column)),\(stated)"
        }
        return "json_object(" + fields.joined(separator: ",") + ")"
    }

    /// SQL for the state of the row whose key is the value of `key` (an SQL expression), `NULL` when there is no
    /// such row. The row is found through the primary key (`IS`, as a key value may be NULL where SQLite allows
    /// it); the key is then compared whole, so that a row whose key only compares equal under a collation is not
    /// taken for another.
    func stateSQL(ofKey key: String) -> String {
        let quoted = "main.\(name.quotedDatabaseIdentifier)"
        let lookup = keyColumns.enumerated().map { index, column in
            "\(quoted).\(column.quotedDatabaseIdentifier) IS json_extract(\(key), '$[\(index)]')"
        }
        return "SELECT \(stateSQL(quoted)) FROM \(quoted) WHERE " + lookup.joined(separator: " AND ")
            + " AND \(keySQL(quoted)) = \(key)"
    }
}
