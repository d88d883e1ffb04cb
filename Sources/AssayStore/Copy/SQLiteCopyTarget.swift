import Foundation
internal import GRDB

/// An SQLite store written by `db copy`: created or migrated as any command does, then written in one immediate
/// transaction; stored files go into its evidence folder.
struct SQLiteCopyTarget: CopyWriter {
    let db: Database
    let location: StoreLocation
    var store: String { location.path }

    /// Opens (creating or migrating) the store and calls `body` inside one write transaction, committed when it
    /// returns. Foreign keys are checked at the commit, so rows may come in any order.
    ///
    /// Stored files are written into the evidence folder before the commit, as the store does when it attaches
    /// evidence: a copy that fails after that leaves those files (each under its own SHA-256) and no rows.
    static func write<T>(_ location: StoreLocation, _ body: (any CopyWriter) throws -> T) throws -> T {
        let target = try Store(location: location, actor: "assay")
        guard case .sqlite(let pool) = target.backend else { throw StoreError.database("an SQLite address opened another store") }
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                    result = try body(SQLiteCopyTarget(db: db, location: location))
                    return .commit
                }
                guard let result else { throw StoreError.database("transaction produced no result") }
                return result
            }
        } catch {
            throw StoreError(error, path: location.path)
        }
    }

    /// None: stored files are kept in the evidence folder, where a file already there is one with these bytes.
    var ownTables: [String] { [] }

    func hasRows(_ table: String) throws -> Bool {
        try sqlite { try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table.quotedDatabaseIdentifier))") }
            ?? false
    }

    func insert(into table: String, columns: [String], rows: [[CopyValue]]) throws {
        let names = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let texts = StoreCopy.textInBlobColumns[table] ?? []
        let asText = columns.map { texts.contains($0) }
        try sqlite {
            let statement = try db.cachedStatement(
                sql: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(names)) VALUES (\(placeholders))")
            for row in rows {
                let values = zip(row, asText).map { value, asText in
                    guard asText, case .bytes(let bytes) = value, let text = String(bytes: bytes, encoding: .utf8)
                    else { return value.databaseValue }
                    return text.databaseValue
                }
                try statement.execute(arguments: StatementArguments(values))
            }
        }
    }

    func storeBlob(sha256: String, bytes: [UInt8]) throws {
        let kept = try StoredBlobs(location).keep(bytes: bytes, name: sha256, role: "copy")
        guard kept.sha256 == sha256 else {
            throw StoreError.io(
                path: StoredBlobs(location).path(sha256: sha256), reason: "the copied bytes do not have this SHA-256")
        }
    }

    /// Rows inserted with their ids moved SQLite's `sqlite_sequence` past them; the source's last ids may be higher.
    func finish(lastIds: [String: Int64]) throws {
        try sqlite {
            for (table, last) in lastIds.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", arguments: [last, table])
                try db.execute(
                    sql: """
                        INSERT INTO sqlite_sequence (name, seq)
                        SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)
                        """, arguments: [table, last, table])
            }
        }
    }

    private func sqlite<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw StoreError(error, path: location.path)
        }
    }
}

extension CopyValue {
    /// The value as SQLite stores it.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let integer): integer.databaseValue
        case .text(let text): text.databaseValue
        case .bytes(let bytes): Data(bytes).databaseValue
        }
    }
}
