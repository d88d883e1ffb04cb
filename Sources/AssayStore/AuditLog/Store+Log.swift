import AssayCore

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
            var conditions: [String] = []
            var arguments: [any SQLValueConvertible] = []
            if let vendor = filter.vendor {
                conditions.append(#""vendorId" = ?"#)
                arguments.append(try VendorResolver.resolve(db, vendor).id)
            }
            if let since = filter.since {
                conditions.append(#""recordedAt" >= ?"#)
                arguments.append(since.description)
            }
            let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let select = #"SELECT * FROM "auditLog""# + whereClause
            if let limit = filter.limit {
                return try db.all(LogEntry.self, select + #" ORDER BY "seq" DESC LIMIT ?"#, arguments + [limit])
                    .reversed()
            }
            return try db.all(LogEntry.self, select + #" ORDER BY "seq""#, arguments)
        }
    }
}
