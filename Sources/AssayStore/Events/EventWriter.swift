import AssayCore

extension Store {
    /// Inserts an event for a resolved vendor, logged as `event.add`.
    @discardableResult
    static func insertEvent(_ db: any SQLConnection, _ draft: MarketEventDraft, vendor: Vendor, log: AuditLog) throws
        -> MarketEvent
    {
        let now = Timestamp.now()
        var record = try eventRecord(draft, vendorId: try id(of: vendor), createdAt: now, updatedAt: now)
        try db.insert(&record)
        let event = try eventDetails(db, record)
        try log.append(
            db, action: "event.add", entity: "marketEvent", entityId: event.id,
            vendorId: record.vendorId, change: Change<MarketEvent>(after: event))
        return event
    }

    /// Replaces an event's fields with a draft's, logged as `event.edit`; returns `nil` when nothing differs.
    static func updateEvent(
        _ db: any SQLConnection, _ record: MarketEventRecord, to draft: MarketEventDraft, vendor: Vendor,
        log: AuditLog
    ) throws -> MarketEvent? {
        var updated = try eventRecord(
            draft, vendorId: try id(of: vendor), createdAt: record.createdAt,
            updatedAt: record.updatedAt)
        guard updated.differs(from: record) else { return nil }
        updated.id = record.id
        updated.updatedAt = Timestamp.now()
        let before = try eventDetails(db, record)
        try db.update(updated)
        let after = try eventDetails(db, updated)
        try log.append(
            db, action: "event.edit", entity: "marketEvent", entityId: after.id,
            vendorId: updated.vendorId, change: Change(before: before, after: after))
        return after
    }

    /// A row from a checked draft.
    static func eventRecord(_ draft: MarketEventDraft, vendorId: Int64, createdAt: String, updatedAt: String) throws
        -> MarketEventRecord
    {
        try StoreError.validating { () throws(ValueError) in try draft.check() }
        return MarketEventRecord(
            vendorId: vendorId, appliesToAffiliates: draft.appliesToAffiliates, jurisdiction: draft.jurisdiction,
            authority: cleaned(draft.authority), type: draft.type, program: cleaned(draft.program),
            scope: cleaned(draft.scope), announcedOn: draft.announcedOn, effectiveFrom: draft.effectiveFrom,
            effectiveTo: draft.effectiveTo, status: draft.status, sourceUrl: cleaned(draft.sourceUrl),
            sourceRecordId: cleaned(draft.sourceRecordId), notes: cleaned(draft.notes),
            createdAt: createdAt, updatedAt: updatedAt
        )
    }

    /// The draft that would recreate a row (the vendor named by its primary name).
    static func eventDraft(_ record: MarketEventRecord, vendorName: String) -> MarketEventDraft {
        var draft = MarketEventDraft(
            vendor: vendorName, type: record.type, jurisdiction: record.jurisdiction,
            announcedOn: record.announcedOn)
        draft.appliesToAffiliates = record.appliesToAffiliates
        draft.authority = record.authority
        draft.program = record.program
        draft.scope = record.scope
        draft.effectiveFrom = record.effectiveFrom
        draft.effectiveTo = record.effectiveTo
        draft.status = record.status
        draft.sourceUrl = record.sourceUrl
        draft.sourceRecordId = record.sourceRecordId
        draft.notes = record.notes
        return draft
    }

    static func eventDetails(
        _ db: any SQLConnection,
        _ record: MarketEventRecord,
        relation: EventRelation = .own,
        path: [String]? = nil,
        activeOn: CalendarDate? = nil
    ) throws -> MarketEvent {
        var names = NameCache()
        return try eventDetails(db, record, names: &names, relation: relation, path: path, activeOn: activeOn)
    }

    static func eventDetails(
        _ db: any SQLConnection,
        _ record: MarketEventRecord,
        names: inout NameCache,
        relation: EventRelation,
        path: [String]?,
        activeOn: CalendarDate?
    ) throws -> MarketEvent {
        guard let id = record.id else { throw StoreError.database("market event row without id") }
        let vendorName = try names.vendor(db, record.vendorId)
        return MarketEvent(
            id: id,
            vendor: VendorReference(id: record.vendorId, name: vendorName, link: nil),
            appliesToAffiliates: record.appliesToAffiliates, jurisdiction: record.jurisdiction,
            authority: record.authority, type: record.type, program: record.program, scope: record.scope,
            announcedOn: record.announcedOn, effectiveFrom: record.effectiveFrom, effectiveTo: record.effectiveTo,
            status: record.status, sourceUrl: record.sourceUrl, sourceRecordId: record.sourceRecordId,
            notes: record.notes, createdAt: record.createdAt, updatedAt: record.updatedAt, relation: relation,
            path: path, inForce: activeOn.map { record.window.inForce(on: $0) }
        )
    }

    /// Trimmed text, `nil` when empty.
    private static func cleaned(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

extension MarketEventRecord {
    /// True when any recorded field differs (ids and timestamps aside).
    func differs(from other: MarketEventRecord) -> Bool {
        var mine = self
        mine.id = other.id
        mine.createdAt = other.createdAt
        mine.updatedAt = other.updatedAt
        return mine != other
    }
}
