import AssayPostgreSQL

/// A database's schema as PostgreSQL's catalog describes it, one line per column, constraint, index, function and
/// trigger, sorted: two databases with the same lines have the same schema, however their SQL was written.
enum SchemaCatalog {
    static func lines(_ connection: PostgresConnection) throws -> [String] {
        let queries = [
            """
            SELECT 'column', table_name, lpad(ordinal_position::text, 3, '0'), column_name, data_type, is_nullable,
                   coalesce(column_default, ''), is_identity, coalesce(identity_generation, '')
            FROM information_schema.columns WHERE table_schema = current_schema()
            """,
            """
            SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
            """,
            "SELECT 'index', tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()",
            """
            SELECT 'function', proname, pg_get_functiondef(oid)
            FROM pg_proc WHERE pronamespace = current_schema()::regnamespace
            """,
            """
            SELECT 'trigger', tgrelid::regclass::text, tgname, pg_get_triggerdef(oid)
            FROM pg_trigger WHERE NOT tgisinternal
            """,
        ]
        return try queries.flatMap { query in
            try connection.query(query).rows.map { row in row.values.map { $0 ?? "NULL" }.joined(separator: " | ") }
        }.sorted()
    }
}
