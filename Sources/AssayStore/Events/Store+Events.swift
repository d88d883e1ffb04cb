import AssayCore

extension Store {
    /// Records a market-access event, logged as `event.add`.
    @discardableResult
    public func addEvent(_ draft: MarketEventDraft) throws(StoreError) -> MarketEvent {
        try write { db, log in
            try Self.refuseDuplicateSource(db, draft.sourceRecordId, except: nil)
            return try Self.insertEvent(db, draft, vendor: try VendorResolver.resolve(db, draft.vendor), log: log)
        }
    }

    /// Changes an event inside one transaction: `change` edits the event's current fields, logged as `event.edit`.
    @discardableResult
    public func editEvent(_ id: Int64, _ change: (inout MarketEventDraft) throws(ValueError) -> Void)
        throws(StoreError) -> MarketEvent
    {
        try write { db, log in
            let record = try Self.eventRecord(db, id)
            var names = NameCache()
            var draft = Self.eventDraft(record, vendorName: try names.vendor(db, record.vendorId))
            try StoreError.validating { () throws(ValueError) in try change(&draft) }
            try Self.refuseDuplicateSource(db, draft.sourceRecordId, except: id)
            let vendor = try VendorResolver.resolve(db, draft.vendor)
            return try Self.updateEvent(db, record, to: draft, vendor: vendor, log: log)
                ?? Self.eventDetails(db, record)
        }
    }

    /// Removes an event, logged as `event.remove` with its last state.
    public func removeEvent(_ id: Int64) throws(StoreError) {
        try write { db, log in
            let record = try Self.eventRecord(db, id)
            let before = try Self.eventDetails(db, record)
            try db.delete(MarketEventRecord.self, key: [id])
            try log.append(
                db, action: "event.remove", entity: "marketEvent", entityId: id, vendorId: record.vendorId,
                change: Change<MarketEvent>(before: before))
        }
    }

    /// One event.
    public func event(_ id: Int64) throws(StoreError) -> MarketEvent {
        try read { db in try Self.eventDetails(db, try Self.eventRecord(db, id)) }
    }

    /// Events matching a filter, oldest first (by announcement date, then id).
    public func events(_ filter: MarketEventFilter = MarketEventFilter()) throws(StoreError) -> [MarketEvent] {
        try read { db in
            let hits: [EventPropagation.Hit]
            if let vendor = filter.vendor {
                hits = try EventPropagation.events(db, bearingOn: try VendorResolver.resolve(db, vendor))
            } else {
                hits = try db.all(MarketEventRecord.self, "SELECT * FROM \"marketEvent\" ORDER BY \"id\"")
                    .map { EventPropagation.Hit(record: $0, relation: .own) }
            }
            var names = NameCache()
            return try hits.filter { hit in
                let record = hit.record
                return (filter.jurisdiction.map { $0 == record.jurisdiction } ?? true)
                    && (filter.type.map { $0 == record.type } ?? true)
                    && (filter.status.map { $0 == record.status } ?? true)
                    && (!filter.inForceOnly || filter.asOf.map { record.window.inForce(on: $0) != .no } ?? true)
            }
            .sorted { ($0.record.announcedOn, $0.record.id ?? 0) < ($1.record.announcedOn, $1.record.id ?? 0) }
            .map { hit in
                try Self.eventDetails(
                    db, hit.record, names: &names, relation: hit.relation, path: hit.path,
                    activeOn: filter.asOf)
            }
        }
    }

    static func eventRecord(_ db: any SQLConnection, _ id: Int64) throws -> MarketEventRecord {
        guard let record = try db.find(MarketEventRecord.self, id: id) else {
            throw StoreError.notFound(entity: "event", id: "\(id)")
        }
        return record
    }

    /// Refuses a source record id that already identifies another event.
    static func refuseDuplicateSource(_ db: any SQLConnection, _ sourceRecordId: String?, except id: Int64?) throws {
        guard let sourceRecordId, !sourceRecordId.isEmpty else { return }
        let existingId = try db.value(
            Int64.self, "SELECT \"id\" FROM \"marketEvent\" WHERE \"sourceRecordId\" = ?", [sourceRecordId])
        if let existingId, existingId != id {
            throw StoreError.refused("source record id '\(sourceRecordId)' already identifies event #\(existingId)")
        }
    }
}
