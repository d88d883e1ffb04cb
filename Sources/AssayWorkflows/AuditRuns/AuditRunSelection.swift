import AssayStore

/// A recorded audit run, as a user names it: the latest, or one by its id.
public enum AuditRunSelection: Equatable, Sendable {
    /// The latest recorded run.
    case latest
    /// The run with this id.
    case id(Int64)

    /// The run selected; `nil` for ``latest`` when no run has been recorded. An unknown id is the store's error.
    public func run(in store: Store) throws -> AuditRun? {
        switch self {
        case .latest: try store.auditRuns(limit: 1).last
        case .id(let id): try store.auditRun(id)
        }
    }
}
