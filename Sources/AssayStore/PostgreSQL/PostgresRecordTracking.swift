/// What the PostgreSQL store needs to bind its records to the log as the SQLite store does: text compared and
/// sorted byte for byte, and a trigger on every record table that notes the rows Assay's own transactions write
/// (``PostgresRecordTables``).
enum PostgresRecordTracking {
    /// The tables that are not records (see ``PostgresRecordTables/excluded``), as an SQL list.
    private static var excludedList: String {
        PostgresRecordTables.excluded.sorted().map { "'\($0)'" }.joined(separator: ", ")
    }

    /// `postgresql-2-records-binding`: the trigger function, the log's actor check, then ``install``.
    static let migration = """
        CREATE FUNCTION "assay_touch"() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            fields jsonb;
        BEGIN
            -- Only a session that made the table notes rows: Assay's own transactions. Keys are noted as text.
            IF to_regclass('pg_temp.assay_touched') IS NULL THEN
                RETURN NULL;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                fields := to_jsonb(OLD);
                INSERT INTO pg_temp."assay_touched" VALUES (TG_TABLE_NAME, fields ->> TG_ARGV[0], fields ->> TG_ARGV[1]);
            END IF;
            IF TG_OP <> 'DELETE' THEN
                fields := to_jsonb(NEW);
                INSERT INTO pg_temp."assay_touched" VALUES (TG_TABLE_NAME, fields ->> TG_ARGV[0], fields ->> TG_ARGV[1]);
            END IF;
            RETURN NULL;
        END
        $$;
        \(actorIsLogin);
        \(install)
        """

    /// The log's actor is the role that logged in: an entry naming anyone else is refused, except from a member of
    /// the tables' owner (the administrator, whose `db copy` brings in entries that other people made).
    static let actorIsLogin = """
        CREATE FUNCTION "assay_actor_is_login"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW."actor" IS DISTINCT FROM session_user AND NOT pg_has_role(
                session_user, (SELECT c.relowner FROM pg_class AS c WHERE c.oid = TG_RELID), 'MEMBER')
            THEN
                RAISE EXCEPTION 'the audit log names the role that logged in (%), not %', session_user, NEW."actor";
            END IF;
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER "auditLog_actor_is_login" BEFORE INSERT ON "auditLog"
            FOR EACH ROW EXECUTE FUNCTION "assay_actor_is_login"()
        """

    /// Gives every text column the byte-order collation "C" (SQLite's BINARY: the same comparisons and order in
    /// both stores) and every record table its `assay_touch` trigger, with the table's primary-key columns. Run by
    /// the migration and again after every later one, so that a table a migration adds is bound too.
    static let install = """
        DO $$
        DECLARE
            item record;
        BEGIN
            FOR item IN
                SELECT c.table_name, c.column_name FROM information_schema.columns AS c
                JOIN information_schema.tables AS t USING (table_schema, table_name)
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.data_type = 'text'
                    AND c.collation_name IS DISTINCT FROM 'C'
            LOOP
                EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE TEXT COLLATE "C"', item.table_name, item.column_name);
            END LOOP;
            FOR item IN
                SELECT c.relname AS table_name,
                    (SELECT string_agg(quote_literal(a.attname), ', ' ORDER BY k.ord)
                     FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                     JOIN pg_attribute AS a ON a.attrelid = c.oid AND a.attnum = k.attnum) AS keys
                FROM pg_class AS c
                JOIN pg_namespace AS n ON n.oid = c.relnamespace
                JOIN pg_index AS i ON i.indrelid = c.oid AND i.indisprimary
                WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname NOT IN (\(excludedList))
            LOOP
                EXECUTE format(
                    'CREATE OR REPLACE TRIGGER "assay_touch" AFTER INSERT OR UPDATE OR DELETE ON %I '
                        || 'FOR EACH ROW EXECUTE FUNCTION "assay_touch"(%s)', item.table_name, item.keys);
            END LOOP;
        END
        $$
        """
}
