import Foundation

/// Rewrites an Assay database's audit log as an attacker who has the file and the documented hashing scheme
/// could: with SQLite and Python, never through Assay.
public enum LogForger {
    /// Renumbers the entries from 1 and recomputes every link and hash, rows included when the column exists.
    public static func rechain(_ database: String) throws {
        try runPython(
            """
            columns = [c[1] for c in db.execute("PRAGMA table_info(auditLog)")]
            for new, (old,) in enumerate(db.execute("SELECT seq FROM auditLog ORDER BY seq").fetchall(), 1):
                db.execute("UPDATE auditLog SET seq = ? WHERE seq = ?", (new, old))
            rechain(db, "rows" in columns)
            """, database)
    }

    /// Turns the database into what schema v8 left: no `rows` column, no v9 migration, entries hashed without rows.
    public static func downgradeToV8(_ database: String) throws {
        try runPython(
            """
            db.execute("ALTER TABLE auditLog DROP COLUMN rows")
            db.execute("DELETE FROM grdb_migrations WHERE identifier = 'v9-records-bound-to-log'")
            rechain(db, False)
            """, database)
    }

    private static func runPython(_ body: String, _ database: String) throws {
        let script = """
            import sqlite3, hashlib, json, sys
            def rechain(db, with_rows):
                prev = "0" * 64
                rows_column = "rows" if with_rows else "NULL"
                for row in db.execute("SELECT seq, recordedAt, actor, action, entity, entityId, vendorId, change, "
                                      + rows_column + " FROM auditLog ORDER BY seq").fetchall():
                    seq, at, actor, action, entity, eid, vid, change, rows = row
                    q = lambda s: json.dumps(s, ensure_ascii=False)
                    text = ('{"action":%s,"actor":%s,"change":%s,"entity":%s,"entityId":%s,"recordedAt":%s,'
                            '"seq":%d,"vendorId":%s}') % (q(action), q(actor), change, q(entity), q(eid), q(at), seq,
                            "null" if vid is None else str(vid))
                    text += "" if rows is None else "\\n" + rows
                    h = hashlib.sha256((prev + "\\n" + text).encode()).hexdigest()
                    db.execute("UPDATE auditLog SET prevHash = ?, hash = ? WHERE seq = ?", (prev, h, seq))
                    prev = h
            db = sqlite3.connect(sys.argv[1])
            db.executescript(sys.argv[2])

            """ + body + "\ndb.commit()\n"
        let result = try ChildProcess.run("/usr/bin/python3", ["-c", script, database, AppendOnlyTriggers.drop])
        guard result.exitCode == 0 else { throw ForgeryFailed(output: result.stderr) }
    }

    struct ForgeryFailed: Error, CustomStringConvertible {
        let output: String
        var description: String { "the forging script failed: \(output)" }
    }
}
