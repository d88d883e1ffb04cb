/// The SQL that sets up Assay's three PostgreSQL group roles (`assay db roles --print`), for an administrator to
/// run in the Assay database after `assay db migrate`.
///
/// - `assay_reader`: SELECT on every table.
/// - `assay_analyst`: a reader that also inserts, updates and deletes records and appends to the audit log.
/// - `assay_auditor`: a reader that also records audit runs and signs log checkpoints, appending their log
///   entries.
///
/// None may log in; each person gets a login role in one of them, so that the database knows who made each
/// change. UPDATE, DELETE and TRUNCATE on the log and checkpoints are revoked from all three and from PUBLIC, on
/// top of the append-only triggers. The script can be run again (after a migration that adds tables, say).
public enum PostgresRoles {
    /// The group roles, reader first.
    public static let reader = "assay_reader"
    public static let analyst = "assay_analyst"
    public static let auditor = "assay_auditor"

    /// Tables written by recording audit runs and checkpoints, the auditor's part.
    static let auditTables = ["auditRun", "auditFinding", "logCheckpoint"]

    /// Tables of records, the analyst's part: every table but the log and the auditor's.
    static var recordTables: [String] {
        PostgresMigrations.tables.filter { $0 != "auditLog" && !auditTables.contains($0) }
    }

    /// The script, with comments.
    public static var script: String {
        let all = PostgresMigrations.tables + [PostgresMigrator.table]
        let roles = [reader, analyst, auditor]
        let appendOnly = list(PostgresMigrations.appendOnlyTables)
        let creates = roles.map { role in
            "    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(role)') THEN CREATE ROLE \(role) NOLOGIN; END IF;"
        }
        return """
            -- Assay's PostgreSQL roles. Run this as the owner of Assay's tables, in the Assay database, after
            -- 'assay db migrate' (for example: assay db roles --print | psql -v ON_ERROR_STOP=1 -d assay).
            -- It can be run again, and must be after a 'db migrate' that adds tables.
            --
            --   assay_reader   reads every table
            --   assay_analyst  reader + inserts, updates and deletes records (stored files' bytes, blobBody, included),
            --                  appends to the audit log
            --   assay_auditor  reader + records audit runs and signs log checkpoints (appending their log entries)
            --
            -- None of them can log in. Give each person a login of their own in one of them, so that the database
            -- knows who made each change and the audit log can name the authenticated user:
            --   CREATE ROLE alice LOGIN IN ROLE assay_analyst;
            --   CREATE ROLE bob LOGIN IN ROLE assay_auditor;
            --   CREATE ROLE carol LOGIN IN ROLE assay_reader;
            -- and let them authenticate as your server does (pg_hba.conf: peer, scram-sha-256 with a password in
            -- their own ~/.pgpass, or a client certificate). Never put a password in --db or ASSAY_DB.
            DO $$
            BEGIN
            \(creates.joined(separator: "\n"))
                EXECUTE format('GRANT USAGE ON SCHEMA %I TO \(reader)', current_schema());
                -- Identity columns draw ids from sequences; 'assay db copy' reads where they are.
                EXECUTE format('GRANT SELECT ON ALL SEQUENCES IN SCHEMA %I TO \(reader)', current_schema());
                EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO \(analyst), \(auditor)',
                    current_schema());
            END
            $$;
            GRANT \(reader) TO \(analyst), \(auditor);
            GRANT SELECT ON \(list(all)) TO \(reader);
            GRANT INSERT, UPDATE, DELETE ON \(list(recordTables)) TO \(analyst);
            GRANT INSERT ON \(list(auditTables)) TO \(auditor);
            GRANT INSERT ON "auditLog" TO \(analyst), \(auditor);
            -- The audit log and checkpoints only grow (the append-only triggers refuse changes even to their owner).
            REVOKE UPDATE, DELETE, TRUNCATE ON \(appendOnly) FROM PUBLIC, \(roles.joined(separator: ", "));

            """
    }

    /// The tables quoted and comma-separated, wrapped before 100 columns.
    private static func list(_ tables: [String]) -> String {
        var lines = [""]
        for (index, table) in tables.enumerated() {
            let item = "\"\(table)\"" + (index == tables.count - 1 ? "" : ",")
            if let last = lines.last, !last.isEmpty, last.count + item.count > 95 {
                lines.append("    " + item)
            } else {
                lines[lines.count - 1] += (lines[lines.count - 1].isEmpty ? "" : " ") + item
            }
        }
        return lines.joined(separator: "\n")
    }
}
