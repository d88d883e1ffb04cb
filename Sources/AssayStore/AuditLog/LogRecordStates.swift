/// The latest state of every record row that a sequence of log entries states, replayed in order: what the
/// records were at the last entry applied, as far as the log alone tells (deleted rows dropped).
///
/// `pack verify` uses it to check, with no database, that every record an evidence pack's reports name has a
/// state in the pack's log.
public struct LogRecordStates: Sendable {
    private var states: [String: [String: String]] = [:]  // table → key → state

    public init() {}

    /// Applies one entry's `rows`; returns false when they are not in the rows format.
    public mutating func apply(_ entry: LogEntry) -> Bool {
        guard let text = entry.rows else { return true }
        var replayed = states
        let wellFormed = RecordRows.forEach(in: text) { table, key, state in
            replayed[String(table), default: [:]][String(key)] = state.map(String.init)
        }
        guard wellFormed else { return false }
        states = replayed
        return true
    }

    /// The state (the JSON object of its columns) of the row of `table` whose primary key is the single integer
    /// `id`, or `nil` when the log has no live row of that key.
    public func state(table: String, id: Int64) -> String? {
        states[table]?["[\(id)]"]
    }

    /// Every live row's state in `table`.
    public func states(in table: String) -> [String] {
        states[table].map { Array($0.values) } ?? []
    }
}
