import AssayCore

extension Store {
    /// Imports an event file (`.csv` or `.json`, see ``EventFile``) in one transaction: all rows or none.
    ///
    /// A row is the same event as a recorded one when their source record ids match or, for a row without one,
    /// when vendor, type, jurisdiction and announcement date match; such rows update the event (`event.edit`)
    /// or leave it unchanged, so importing a file twice changes nothing. Every problem is reported at once, as
    /// ``StoreError/importProblems(_:)`` naming file, line and field. `progress` is told how many rows are done.
    public func importEvents(from path: String, progress: ProgressHandler? = nil) throws(StoreError) -> ImportSummary {
        let (rows, invalid) = try EventFile.read(path)
        return try write { db, log in
            var summary = ImportSummary()
            var problems = invalid
            var vendors: [String: Vendor] = [:]
            for (index, row) in rows.enumerated() {
                progress?(index, rows.count)
                let vendor: Vendor
                do {
                    vendor = try vendors[row.draft.vendor] ?? VendorResolver.resolve(db, row.draft.vendor)
                } catch let error as StoreError {
                    problems.append(
                        ImportProblem(file: path, line: row.line, field: "vendor", reason: error.description))
                    continue
                }
                vendors[row.draft.vendor] = vendor
                if let existing = try Self.matchingEvent(db, row.draft, vendorId: try Self.id(of: vendor)) {
                    let changed = try Self.updateEvent(db, existing, to: row.draft, vendor: vendor, log: log)
                    if changed == nil { summary.unchanged += 1 } else { summary.updated += 1 }
                } else {
                    try Self.insertEvent(db, row.draft, vendor: vendor, log: log)
                    summary.added += 1
                }
            }
            if !problems.isEmpty {
                let byLine = problems.enumerated().sorted {
                    ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset)
                }
                throw StoreError.importProblems(byLine.map(\.element))
            }
            return summary
        }
    }

    /// The recorded event a draft describes: by source record id, else by vendor, type, jurisdiction and date.
    static func matchingEvent(_ db: any SQLConnection, _ draft: MarketEventDraft, vendorId: Int64) throws
        -> MarketEventRecord?
    {
        if let sourceRecordId = draft.sourceRecordId, !sourceRecordId.isEmpty {
            return try db.one(
                MarketEventRecord.self, #"SELECT * FROM "marketEvent" WHERE "sourceRecordId" = ? LIMIT 1"#,
                [sourceRecordId])
        }
        return try db.one(
            MarketEventRecord.self,
            """
            SELECT * FROM "marketEvent"
            WHERE "vendorId" = ? AND "type" = ? AND "jurisdiction" = ? AND "announcedOn" = ?
            ORDER BY "id" LIMIT 1
            """,
            [vendorId, draft.type, draft.jurisdiction, draft.announcedOn])
    }
}
