import AssayPostgreSQL

/// A PostgreSQL store read by `db copy`: one REPEATABLE READ, READ ONLY transaction; rows through a cursor, stored
/// files from the blob table.
struct PostgresCopySource: CopyReader {
    let connection: PostgresConnection
    var store: String { connection.connectionString.redacted }

    /// Connects and calls `body` inside one snapshot, once the schema is found to be this Assay's.
    static func read<T>(_ connectionString: ConnectionString, _ body: (any CopyReader) throws -> T) throws -> T {
        let connection = try PostgresConnection(connectionString)
        return try connection.transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY") {
            let applied = try PostgresMigrator.appliedIdentifiers(connection)
            let known = Set(PostgresMigrations.all.map(\.identifier))
            if !applied.isSubset(of: known) { throw StoreError.newerSchema(path: connectionString.redacted) }
            guard applied == known else { throw StoreError.olderSchema(store: connectionString.redacted) }
            return try body(PostgresCopySource(connection: connection))
        }
    }

    func columns(of table: String) throws -> [String] {
        try columnTypes(of: table).map(\.name)
    }

    func forEachBatch(of table: String, columns: [String], _ body: ([[CopyValue]]) throws -> Void) throws {
        let types = Dictionary(uniqueKeysWithValues: try columnTypes(of: table).map { ($0.name, $0.type) })
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        try connection.execute("DECLARE assay_copy NO SCROLL CURSOR FOR SELECT \(list) FROM \"\(table)\"")
        while true {
            let result = try connection.query("FETCH FORWARD 1000 FROM assay_copy")
            if result.rows.isEmpty { break }
            try body(
                try result.rows.map { row in
                    try columns.map { column in try value(row, column, type: types[column], table: table) }
                })
        }
        try connection.execute("CLOSE assay_copy")
    }

    func texts(_ sql: String) throws -> [String] {
        try connection.query(sql).rows.compactMap { $0[0] }
    }

    func lastIds() throws -> [String: Int64] {
        let rows = try connection.query(
            """
            SELECT table_name, pg_sequence_last_value(pg_get_serial_sequence(format('%I', table_name), column_name))
            FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'
            """
        ).rows
        return Dictionary(
            rows.compactMap { row in row[0].flatMap { table in row[1].flatMap(Int64.init).map { (table, $0) } } },
            uniquingKeysWith: max)
    }

    /// The server checks each body against its SHA-256 as it is stored: what can be wrong is a missing body.
    func checkBlobs(_ hashes: [String]) throws {
        let stored = Set(try texts(#"SELECT "sha256" FROM "\#(PostgresMigrations.blobTable)""#))
        if let absent = hashes.first(where: { !stored.contains($0) }) { throw missing(absent) }
    }

    func blob(sha256: String) throws -> [UInt8] {
        let result = try connection.query(
            #"SELECT "body" FROM "\#(PostgresMigrations.blobTable)" WHERE "sha256" = $1"#, [.text(sha256)])
        guard let body = result.rows.first?.bytes("body") else { throw missing(sha256) }
        return body
    }

    private func missing(_ sha256: String) -> StoreError {
        .refused(
            "\(store): the store references the stored file \(sha256) but \(PostgresMigrations.blobTable) does not "
                + "hold its bytes; nothing was copied")
    }

    private func columnTypes(of table: String) throws -> [(name: String, type: String)] {
        try connection.query(
            """
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position
            """, [.text(table)]
        ).rows.map { ($0[0] ?? "", $0[1] ?? "") }
    }

    private func value(_ row: PostgresRow, _ column: String, type: String?, table: String) throws -> CopyValue {
        guard let text = row[column] else { return .null }
        switch type {
        case "bigint", "integer", "smallint":
            guard let integer = Int64(text) else { throw unreadable(table, column) }
            return .integer(integer)
        case "bytea":
            guard let bytes = row.bytes(column) else { throw unreadable(table, column) }
            return .bytes(bytes)
        case "text":
            return .text(text)
        default:
            throw unreadable(table, column)
        }
    }

    private func unreadable(_ table: String, _ column: String) -> StoreError {
        .refused("\(store): \(table).\(column) holds a value of a type no Assay column has")
    }
}
