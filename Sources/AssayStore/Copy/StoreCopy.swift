import AssayCrypto
import AssayPostgreSQL

/// Moves a whole store into an empty one (`assay db copy`): SQLite or PostgreSQL to SQLite or PostgreSQL.
///
/// The source is read in one snapshot and must have this Assay's schema (an older one is refused with a request
/// to migrate it, a newer one as everywhere); the target is created or migrated to this schema, then refused if
/// any of its tables holds a row. Every table is copied in dependency order, all columns by name and every value
/// exactly, in one transaction on the target, with the bytes of every stored file (evidence, artefacts, manifests,
/// logs), each checked against its SHA-256 before anything is written. The audit log is copied like any table,
/// so it verifies on the target as on the source. Each store's own migrations table is not copied.
public enum StoreCopy {
    /// What was copied.
    public struct Report: Sendable, Equatable {
        /// One copied table and its row count.
        public struct Table: Sendable, Equatable {
            public let name: String
            public let rows: Int
        }

        /// The source, as safe to print (a path, or a connection string without its password).
        public let source: String
        /// The target, as safe to print.
        public let target: String
        /// Every copied table in the order copied, each with its row count.
        public let tables: [Table]
        /// How many stored files were copied.
        public let files: Int
        /// Their total size in bytes.
        public let fileBytes: Int64

        /// The rows of every table.
        public var rows: Int { tables.reduce(0) { $0 + $1.rows } }
    }

    /// Copies the store at `source` into the empty store at `target`.
    public static func copy(from source: StoreAddress, to target: StoreAddress) throws(StoreError) -> Report {
        do {
            return try read(source) { reader in
                let hashes = try reader.texts(blobHashesSQL)
                try reader.checkBlobs(hashes)
                return try write(target) { writer in try copy(reader, into: writer, hashes: hashes) }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresError {
            throw .postgreSQL(error)
        } catch {
            throw .database("\(error)")
        }
    }

    /// The SHA-256 of every stored file the records reference: evidence attachments and the binary-equivalence
    /// records' files (all listed in `storedBlob`).
    static let blobHashesSQL = #"SELECT "sha256" FROM "evidence" UNION SELECT "sha256" FROM "storedBlob" ORDER BY 1"#

    /// Columns declared BLOB in which the SQLite store writes text: GRDB stores a record's byte array as the JSON
    /// text of its numbers. PostgreSQL's BYTEA column holds that text's bytes; copied back into SQLite, they are
    /// text again, so that every row reads and states as it did.
    static let textInBlobColumns: [String: Set<String>] = ["escrowManifest": ["body"]]

    /// Tables whose rows reference other rows of the same table, by the referencing column and the referenced
    /// one: their rows are copied referenced rows first, as PostgreSQL checks each insert at once.
    static let selfReferences: [String: (column: String, key: String)] = ["vendor": ("parentId", "id")]

    private static func read<T>(_ address: StoreAddress, _ body: (any CopyReader) throws -> T) throws -> T {
        switch address {
        case .sqlite(let location): try SQLiteCopySource.read(location, body)
        case .postgreSQL(let connectionString): try PostgresCopySource.read(connectionString, body)
        }
    }

    private static func write<T>(_ address: StoreAddress, _ body: (any CopyWriter) throws -> T) throws -> T {
        switch address {
        case .sqlite(let location): try SQLiteCopyTarget.write(location, body)
        case .postgreSQL(let connectionString): try PostgresCopyTarget.write(connectionString, body)
        }
    }

    private static func copy(_ reader: any CopyReader, into writer: any CopyWriter, hashes: [String]) throws -> Report {
        let tables = PostgresMigrations.sharedTables
        for table in tables + writer.ownTables where try writer.hasRows(table) {
            throw StoreError.targetNotEmpty(store: writer.store, table: table)
        }
        var counts: [Report.Table] = []
        for table in tables {
            let columns = try reader.columns(of: table)
            var count = 0
            if let reference = selfReferences[table] {
                var rows: [[CopyValue]] = []
                try reader.forEachBatch(of: table, columns: columns) { rows += $0 }
                try writer.insert(
                    into: table, columns: columns,
                    rows: try referencedFirst(rows, of: table, columns: columns, reference))
                count = rows.count
            } else {
                try reader.forEachBatch(of: table, columns: columns) { batch in
                    try writer.insert(into: table, columns: columns, rows: batch)
                    count += batch.count
                }
            }
            counts.append(Report.Table(name: table, rows: count))
        }
        var bytes: Int64 = 0
        for sha256 in hashes {
            let body = try reader.blob(sha256: sha256)
            guard try DigestContext.digest(body).hex == sha256 else {
                throw StoreError.refused(
                    "\(reader.store): the stored file \(sha256) no longer has the SHA-256 it is stored under; "
                        + "nothing was written")
            }
            try writer.storeBlob(sha256: sha256, bytes: body)
            bytes += Int64(body.count)
        }
        try writer.finish(lastIds: try reader.lastIds())
        return Report(
            source: reader.store, target: writer.store, tables: counts, files: hashes.count, fileBytes: bytes)
    }

    /// The rows ordered so that each row comes after the row its `reference` column names.
    private static func referencedFirst(
        _ rows: [[CopyValue]], of table: String, columns: [String], _ reference: (column: String, key: String)
    ) throws -> [[CopyValue]] {
        guard let column = columns.firstIndex(of: reference.column), let key = columns.firstIndex(of: reference.key)
        else { return rows }
        var placed: Set<CopyValue> = []
        var ordered: [[CopyValue]] = []
        var pending = rows
        while !pending.isEmpty {
            let isReady = { (row: [CopyValue]) in row[column] == .null || placed.contains(row[column]) }
            let ready = pending.filter(isReady)
            guard !ready.isEmpty else {
                throw StoreError.refused(
                    "\(pending.count) rows of table \(table) reference each other in a cycle; nothing was written")
            }
            pending.removeAll(where: isReady)
            ordered += ready
            placed.formUnion(ready.map { $0[key] })
        }
        return ordered
    }
}
