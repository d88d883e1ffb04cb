import AssayAudit
import AssayStore

/// Two recorded audit runs and the findings new, resolved and persisting from the earlier to the later.
public struct AuditRunComparison {
    /// The earlier run.
    public var earlier: AuditRun
    /// The later run.
    public var later: AuditRun
    /// Its findings new, resolved and persisting since the earlier run.
    public var diff: FindingDiff

    /// Compares run `earlier` with run `later`; without `later`, the latest run, and without `earlier`, the run
    /// before the latest. `nil` when no two runs are recorded to compare; an unknown id is the store's error.
    public static func compare(_ earlier: Int64?, _ later: Int64?, in store: Store) throws -> AuditRunComparison? {
        let runs = try store.auditRuns(limit: 2)
        let laterRun = try later.map { id throws(StoreError) in try store.auditRun(id) } ?? runs.last
        let earlierRun =
            try earlier.map { id throws(StoreError) in try store.auditRun(id) } ?? (runs.count == 2 ? runs.first : nil)
        guard let earlierRun, let laterRun else { return nil }
        let diff = FindingDiff(
            from: try store.auditFindings(run: earlierRun.id), to: try store.auditFindings(run: laterRun.id))
        return AuditRunComparison(earlier: earlierRun, later: laterRun, diff: diff)
    }
}
