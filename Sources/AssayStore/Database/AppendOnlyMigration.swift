internal import GRDB

/// Migration `v13-append-only-log`: the database itself refuses to change or remove audit-log entries and signed
/// checkpoints, so no statement run through Assay, a script or the `sqlite3` shell rewrites history by accident.
///
/// Someone who can write the file can still drop the triggers; the hash chain, the records binding and signed
/// checkpoints are what detect that. The triggers stop everything short of deliberate tampering.
enum AppendOnlyMigration {
    /// The tables that only ever grow.
    static let tables = ["auditLog", "logCheckpoint"]

    static func create(_ db: Database) throws {
        for table in tables {
            for operation in ["UPDATE", "DELETE"] {
                // One line: Schemas/assay.sql lists one statement per line.
                try db.execute(
                    sql: "CREATE TRIGGER \"\(table)_append_only_\(operation.lowercased())\" BEFORE \(operation) ON "
                        + "\"\(table)\" BEGIN SELECT RAISE(ABORT, '\(table) is append-only: entries cannot be "
                        + "changed or removed'); END")
            }
        }
    }
}
