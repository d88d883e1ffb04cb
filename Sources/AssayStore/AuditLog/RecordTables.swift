import AssayCrypto
import Foundation
internal import GRDB

/// A table of records bound to the audit log: every row's state is written into the log by the transaction that
/// writes the row, and `log verify` compares the table with what the log says.
///
/// A row's key is the JSON array of its primary-key values and its state the JSON object of all its columns, as
/// SQLite's `json_array` and `json_object` write them: SQLite writes them itself, so that the state recorded in a
/// transaction and the state read back when verifying come from one expression and compare byte for byte, and the
/// PostgreSQL store writes the same text (``RecordStateText``), so that a log moves between the two unchanged. BLOB
/// columns are stated as the SHA-256 of their bytes to keep large manifests out of the log.
struct RecordTable: Sendable {
    /// The table's name.
    let name: String
    /// Every column, in table order.
    let columns: [String]
    /// The primary-key columns (`rowid` for a table without one).
    let keyColumns: [String]
    /// The columns declared BLOB.
    let blobColumns: Set<String>
    /// The integer columns, for a store whose tracking notes keys as text (PostgreSQL's).
    var integerColumns: Set<String> = []

    /// `"name"`, quoted for SQL.
    var quotedName: String { SQL.identifier(name) }

    /// Every row as it is now, sorted by key.
    func currentRows(_ db: any SQLConnection) throws -> [RecordRow] {
        var rows: [RecordRow] = []
        try forEachRowBytes(db) { key, state in
            rows.append(RecordRow(table: name, key: key, state: String(decoding: state, as: UTF8.self)))
        }
        return rows.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    /// Calls `body` with each row's key and the bytes of its state, valid only during the call: comparing a
    /// state where the database wrote it spares a copy of every row when verifying a large store.
    func forEachRowBytes(_ db: any SQLConnection, _ body: (String, UnsafeRawBufferPointer) throws -> Void) throws {
        switch try RecordTables.backend(db) {
        case .sqlite(let db): try SQLiteRecordTables.forEachRowBytes(self, db, body)
        case .postgreSQL(let db): try PostgresRecordTables.forEachRowBytes(self, db, body)
        }
    }
}

/// The record tables of the store, and the tracking that collects the rows a transaction writes, in whichever
/// database the store is.
enum RecordTables {
    /// The connection's database, for the parts that are not one SQL text for both.
    enum Backend {
        case sqlite(Database)
        case postgreSQL(PostgresSQLConnection)
    }

    static func backend(_ db: any SQLConnection) throws -> Backend {
        if let sqlite = db as? Database { return .sqlite(sqlite) }
        if let postgres = db as? PostgresSQLConnection { return .postgreSQL(postgres) }
        throw StoreError.database("no record tables for a \(type(of: db)) connection")
    }

    /// Every record table of the database, by name.
    static func all(_ db: any SQLConnection) throws -> [RecordTable] {
        switch try backend(db) {
        case .sqlite(let db): try SQLiteRecordTables.all(db)
        case .postgreSQL(let db): try PostgresRecordTables.all(db)
        }
    }

    /// Readies the connection to note the key of every record row it inserts, updates or deletes (cascades
    /// included) until ``takeTouchedRows(_:)``. Only this connection's writes are noted: edits made by other
    /// programs never reach the log, which is the point.
    static func prepareTracking(_ db: any SQLConnection) throws {
        switch try backend(db) {
        case .sqlite(let db): try SQLiteRecordTables.prepareTracking(db)
        case .postgreSQL(let db): try PostgresRecordTables.prepareTracking(db)
        }
    }

    /// The rows written since ``prepareTracking(_:)``, sorted by table and key, each with its state as it is now
    /// (`nil` for a row that no longer exists), forgetting them.
    static func takeTouchedRows(_ db: any SQLConnection) throws -> [RecordRow] {
        switch try backend(db) {
        case .sqlite(let db): try SQLiteRecordTables.takeTouchedRows(db)
        case .postgreSQL(let db): try PostgresRecordTables.takeTouchedRows(db)
        }
    }

    /// An SQL string literal.
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
