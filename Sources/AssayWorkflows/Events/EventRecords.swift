import AssayStore

/// Changes to market-access events that take more than one step.
public enum EventRecords {
    /// Removes event `id` and returns its last state (which the audit log keeps).
    public static func remove(_ id: Int64, in store: Store) throws -> MarketEvent {
        let removed = try store.event(id)
        try store.removeEvent(id)
        return removed
    }
}
