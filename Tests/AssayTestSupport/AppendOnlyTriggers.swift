/// The SQL a tamperer runs first on an Assay database: dropping the triggers that make the audit log and its
/// checkpoints append-only (migration `v13-append-only-log`), so the tests can then rewrite history as an attacker
/// with the file could, and check that verification still catches it.
public enum AppendOnlyTriggers {
    /// Drops the four append-only triggers; harmless on a database that has none.
    public static let drop = ["auditLog", "logCheckpoint"].flatMap { table in
        ["update", "delete"].map { "DROP TRIGGER IF EXISTS \"\(table)_append_only_\($0)\";" }
    }.joined(separator: " ")
}
