import AssayPostgreSQL

/// Applies ``PostgresMigrations`` to a PostgreSQL database, recording each in the `assayMigrations` table.
enum PostgresMigrator {
    /// The bookkeeping table: one row per applied migration.
    static let table = "assayMigrations"

    /// What migrating found.
    enum Outcome: Equatable {
        /// These migrations were applied now, in order (none: the schema was up to date).
        case applied([String])
        /// The database has migrations this Assay does not know: a newer Assay set it up. Nothing was changed.
        case newer(unknown: [String])
    }

    /// Applies the pending migrations in one transaction, serialised against other Assays migrating at once.
    static func migrate(_ connection: PostgresConnection) throws(PostgresError) -> Outcome {
        try connection.transaction { connection throws(PostgresError) in
            // A transaction-scoped advisory lock: a second 'db migrate' waits, then finds nothing to do.
            try connection.query("SELECT pg_advisory_xact_lock(7362857364)")
            let applied = try appliedIdentifiers(connection)
            let known = Set(PostgresMigrations.all.map(\.identifier))
            let unknown = applied.filter { !known.contains($0) }.sorted()
            if !unknown.isEmpty { return .newer(unknown: unknown) }
            try connection.execute(
                """
                CREATE TABLE IF NOT EXISTS "\(table)" (
                    "identifier" TEXT PRIMARY KEY NOT NULL,
                    "appliedAt" TEXT NOT NULL
                )
                """)
            var done: [String] = []
            for migration in PostgresMigrations.all where !applied.contains(migration.identifier) {
                try connection.execute(migration.sql)
                try connection.query(
                    """
                    INSERT INTO "\(table)" ("identifier", "appliedAt")
                    VALUES ($1, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                    """, [.text(migration.identifier)])
                done.append(migration.identifier)
            }
            // A table a later migration added gets its records binding too.
            if !done.isEmpty { try connection.execute(PostgresRecordTracking.install) }
            return .applied(done)
        }
    }

    /// The identifiers recorded as applied, none when the bookkeeping table does not exist yet.
    static func appliedIdentifiers(_ connection: PostgresConnection) throws(PostgresError) -> Set<String> {
        let exists = try connection.query("SELECT to_regclass($1) IS NOT NULL AS present", [.text("\"\(table)\"")])
        guard exists.rows.first?["present"] == "t" else { return [] }
        return Set(try connection.query("SELECT \"identifier\" FROM \"\(table)\"").rows.compactMap { $0[0] })
    }
}
