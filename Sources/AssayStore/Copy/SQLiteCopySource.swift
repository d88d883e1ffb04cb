import AssayCrypto
import Foundation
internal import GRDB

/// An SQLite store read by `db copy`: one read transaction, its stored files read from the evidence folder.
struct SQLiteCopySource: CopyReader {
    let db: Database
    let location: StoreLocation
    var store: String { location.path }

    /// Opens the database read-only (never creating or migrating it) and calls `body` inside one read transaction,
    /// once the schema is found to be this Assay's.
    static func read<T>(_ location: StoreLocation, _ body: (any CopyReader) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(Store.busyTimeout)
        let path = try StoreFiles.readOnlyPath(location)
        do {
            return try DatabaseQueue(path: path, configuration: configuration).read { db in
                let migrator = Migrations.migrator
                if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: location.path) }
                guard try migrator.hasCompletedMigrations(db) else {
                    throw StoreError.olderSchema(store: location.path)
                }
                return try body(SQLiteCopySource(db: db, location: location))
            }
        } catch {
            throw StoreError(error, path: location.path)
        }
    }

    func columns(of table: String) throws -> [String] {
        try sqlite { try db.columns(in: table).map(\.name) }
    }

    func forEachBatch(of table: String, columns: [String], _ body: ([[CopyValue]]) throws -> Void) throws {
        let list = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let cursor = try sqlite {
            try Row.fetchCursor(db, sql: "SELECT \(list) FROM \(table.quotedDatabaseIdentifier)")
        }
        var batch: [[CopyValue]] = []
        while let row = try sqlite({ try cursor.next() }) {
            batch.append(
                try columns.indices.map { index throws(StoreError) in
                    try value((row[index] as DatabaseValue).storage, table: table, column: columns[index])
                })
            if batch.count == 1000 {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try body(batch) }
    }

    func texts(_ sql: String) throws -> [String] {
        try sqlite { try String.fetchAll(db, sql: sql) }
    }

    func lastIds() throws -> [String: Int64] {
        try sqlite {
            Dictionary(
                try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence").map { ($0[0], $0[1]) },
                uniquingKeysWith: max)
        }
    }

    /// Re-hashes every referenced file in the evidence folder.
    func checkBlobs(_ hashes: [String]) throws {
        for sha256 in hashes {
            let path = self.path(sha256)
            guard FileManager.default.fileExists(atPath: path) else { throw missing(path) }
            let (digest, _) = try StoreError.hashing { () throws(CryptoError) in try DigestContext.digest(fileAt: path)
            }
            guard digest.hex == sha256 else { throw altered(path) }
        }
    }

    func blob(sha256: String) throws -> [UInt8] {
        let path = self.path(sha256)
        guard let data = FileManager.default.contents(atPath: path) else { throw missing(path) }
        return Array(data)
    }

    private func path(_ sha256: String) -> String {
        location.evidenceDirectory + "/" + EvidenceBlobs.relativePath(sha256: sha256)
    }

    private func missing(_ path: String) -> StoreError {
        .io(path: path, reason: "the store references this stored file but it is missing; nothing was copied")
    }

    private func altered(_ path: String) -> StoreError {
        .io(
            path: path,
            reason: "this stored file no longer has the SHA-256 it is named by (its bytes changed); "
                + "nothing was copied")
    }

    private func value(_ storage: DatabaseValue.Storage, table: String, column: String) throws(StoreError)
        -> CopyValue
    {
        switch storage {
        case .null: return .null
        case .int64(let integer): return .integer(integer)
        case .string(let text): return .text(text)
        case .blob(let data): return .bytes(Array(data))
        case .double:
            throw .refused("\(store): \(table).\(column) holds a floating-point value, which no Assay column has")
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
