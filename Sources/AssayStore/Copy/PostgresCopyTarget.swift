import AssayPostgreSQL

/// A PostgreSQL store written by `db copy`: its pending migrations applied, then written in one transaction that
/// first locks every table against other writers; stored files go into the blob table.
struct PostgresCopyTarget: CopyWriter {
    let connection: PostgresConnection
    var store: String { connection.connectionString.redacted }

    /// Applies pending migrations, then calls `body` inside one transaction, committed when it returns.
    static func write<T>(_ connectionString: ConnectionString, _ body: (any CopyWriter) throws -> T) throws -> T {
        _ = try StoreMigration.migrate(.postgreSQL(connectionString), actor: "assay")
        let connection = try PostgresConnection(connectionString)
        return try connection.transaction(begin: "BEGIN") {
            // No other client may write between the check that the store is empty and the commit.
            let tables = PostgresMigrations.tables.map { "\"\($0)\"" }.joined(separator: ", ")
            try connection.execute("LOCK TABLE \(tables) IN EXCLUSIVE MODE")
            return try body(PostgresCopyTarget(connection: connection))
        }
    }

    /// The stored files' table, which only this store has.
    var ownTables: [String] { [PostgresMigrations.blobTable] }

    func hasRows(_ table: String) throws -> Bool {
        try connection.query("SELECT EXISTS (SELECT 1 FROM \"\(table)\")").rows.first?[0] == "t"
    }

    /// Inserts in statements of many rows (at most 1,000, and fewer than PostgreSQL's 65,535 parameters).
    func insert(into table: String, columns: [String], rows: [[CopyValue]]) throws {
        guard !columns.isEmpty else { return }
        let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let perStatement = max(1, min(1000, 60_000 / columns.count))
        // Text bound to a BYTEA column would be read as bytea's escape format: send its bytes.
        let bytea = Set(
            try connection.query(
                """
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = $1 AND data_type = 'bytea'
                """, [.text(table)]
            ).rows.compactMap { $0[0] })
        let asBytes = columns.map { bytea.contains($0) }
        var start = rows.startIndex
        while start < rows.endIndex {
            let chunk = rows[start..<min(start + perStatement, rows.endIndex)]
            let tuples = chunk.indices.map { index in
                let first = (index - start) * columns.count
                return "(" + columns.indices.map { "$\(first + $0 + 1)" }.joined(separator: ", ") + ")"
            }
            try connection.query(
                "INSERT INTO \"\(table)\" (\(names)) VALUES " + tuples.joined(separator: ", "),
                chunk.flatMap { row in
                    zip(row, asBytes).map { value, asBytes in
                        guard asBytes, case .text(let text) = value else { return value.postgresValue }
                        return .bytes(Array(text.utf8))
                    }
                })
            start = chunk.endIndex
        }
    }

    func storeBlob(sha256: String, bytes: [UInt8]) throws {
        try connection.query(
            #"INSERT INTO "\#(PostgresMigrations.blobTable)" ("sha256", "body") VALUES ($1, $2)"#,
            [.text(sha256), .bytes(bytes)])
    }

    /// Sets every identity column's sequence past the highest copied id and the source's last id, so that the next
    /// insert neither collides with a copied row nor reuses a removed row's id.
    func finish(lastIds: [String: Int64]) throws {
        let identities = try connection.query(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name
            """)
        for row in identities.rows {
            guard let table = row[0], let column = row[1] else { continue }
            try connection.query(
                """
                SELECT setval(pg_get_serial_sequence($1, $2), greatest(max("\(column)"), $3::bigint))
                FROM "\(table)"
                """, [.text("\"\(table)\""), .text(column), PostgresValue(lastIds[table].map(String.init))])
        }
    }
}

extension CopyValue {
    /// The value as a statement parameter: integers in text form, bytes in binary.
    var postgresValue: PostgresValue {
        switch self {
        case .null: .null
        case .integer(let integer): PostgresValue(integer)
        case .text(let text): .text(text)
        case .bytes(let bytes): .bytes(bytes)
        }
    }
}
