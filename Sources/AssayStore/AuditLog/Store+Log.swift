import AssayCore
import GRDB

/// Filters for `assay log`.
public struct LogFilter: Sendable {
    /// Only entries about this vendor (name, alias or id).
    public var vendor: String?
    /// Only entries recorded on or after this day.
    public var since: CalendarDate?
    /// At most this many entries, the most recent ones.
    public var limit: Int?

    public init() {}
}

extension Store {
    /// Audit-log entries, oldest first.
    public func logEntries(_ filter: LogFilter = LogFilter()) throws(StoreError) -> [LogEntry] {
        try read { db in
            var request = LogEntry.all()
            if let vendor = filter.vendor {
                let id = try VendorResolver.resolve(db, vendor).id
                request = request.filter(LogEntry.Columns.vendorId == id)
            }
            if let since = filter.since {
                request = request.filter(LogEntry.Columns.recordedAt >= since.description)
            }
            if let limit = filter.limit {
                return try request.order(LogEntry.Columns.seq.desc).limit(limit).fetchAll(db).reversed()
            }
            return try request.order(LogEntry.Columns.seq).fetchAll(db)
        }
    }
}
