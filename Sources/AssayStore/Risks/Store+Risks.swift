import AssayCore

extension Store {
    /// Records that a finding is accepted until a day, logged as `risk.accept`.
    ///
    /// Refused while another acceptance of the same finding, not revoked, lasts to the new one's first day or later:
    /// revoke it first, so that the log shows one decision replacing another.
    @discardableResult
    public func acceptRisk(_ draft: RiskAcceptanceDraft) throws(StoreError) -> RiskAcceptance {
        guard draft.until >= draft.acceptedOn else {
            throw .refused(
                "an acceptance must last at least until the day it is made (\(draft.acceptedOn)), not \(draft.until)")
        }
        return try write { db, log in
            let findingId = try Self.plainText(draft.findingId, field: "finding id")
            let owner = try Self.plainText(draft.owner, field: "owner")
            let reason = try Self.plainText(draft.reason, field: "reason")
            let ticket = try draft.ticket.map { try Self.plainText($0, field: "ticket") }
            let overlapping = try db.all(
                RiskAcceptanceRecord.self, "SELECT * FROM \"riskAcceptance\" WHERE \"findingId\" = ? ORDER BY \"id\"",
                [findingId]
            ).first { $0.revokedOn == nil && $0.until >= draft.acceptedOn }
            if let overlapping, let id = overlapping.id {
                throw StoreError.refused(
                    "\(findingId) is already accepted until \(overlapping.until) (risk acceptance #\(id)): "
                        + "revoke that acceptance first to replace it")
            }
            var record = RiskAcceptanceRecord(
                findingId: findingId, vendorId: draft.vendorId, vendorName: draft.vendorName, subject: draft.subject,
                severity: draft.severity, owner: owner, reason: reason, ticket: ticket, acceptedOn: draft.acceptedOn,
                until: draft.until, createdAt: Timestamp.now(), actor: log.actor)
            try db.insert(&record)
            let acceptance = try record.acceptance()
            try log.append(
                db, action: "risk.accept", entity: "riskAcceptance", entityId: acceptance.id,
                vendorId: draft.vendorId, change: Change<RiskAcceptance>(after: acceptance))
            return acceptance
        }
    }

    /// Revokes an acceptance from a day on, logged as `risk.revoke` with the acceptance before and after.
    @discardableResult
    public func revokeRiskAcceptance(_ id: Int64, reason: String, on day: CalendarDate) throws(StoreError)
        -> RiskAcceptance
    {
        try write { db, log in
            let reason = try Self.plainText(reason, field: "reason")
            var record = try Self.riskAcceptanceRecord(db, id)
            let before = try record.acceptance()
            if let revocation = before.revocation {
                throw StoreError.refused(
                    "risk acceptance #\(id) was already revoked on \(revocation.on) by \(revocation.actor)")
            }
            record.revokedOn = day
            record.revokedAt = Timestamp.now()
            record.revokedBy = log.actor
            record.revokeReason = reason
            try db.update(record)
            let after = try record.acceptance()
            try log.append(
                db, action: "risk.revoke", entity: "riskAcceptance", entityId: id, vendorId: record.vendorId,
                change: Change(before: before, after: after))
            return after
        }
    }

    /// One acceptance.
    public func riskAcceptance(_ id: Int64) throws(StoreError) -> RiskAcceptance {
        try read { db in try Self.riskAcceptanceRecord(db, id).acceptance() }
    }

    /// Acceptances, oldest first, filtered by vendor and by state on the filter's day.
    public func riskAcceptances(_ filter: RiskAcceptanceFilter) throws(StoreError) -> [RiskAcceptance] {
        try read { db in
            var sql = "SELECT * FROM \"riskAcceptance\""
            var arguments: [any SQLValueConvertible] = []
            if let vendor = filter.vendor {
                sql += " WHERE \"vendorId\" = ?"
                arguments.append(try Self.id(of: try VendorResolver.resolve(db, vendor)))
            }
            return try db.all(RiskAcceptanceRecord.self, sql + " ORDER BY \"id\"", arguments).map {
                try $0.acceptance()
            }.filter { acceptance in
                filter.states.map { $0.contains(acceptance.state(on: filter.day)) } ?? true
            }
        }
    }

    static func riskAcceptanceRecord(_ db: any SQLConnection, _ id: Int64) throws -> RiskAcceptanceRecord {
        guard let record = try db.find(RiskAcceptanceRecord.self, id: id) else {
            throw StoreError.notFound(entity: "risk acceptance", id: "\(id)")
        }
        return record
    }

    /// Trimmed text that must not be empty and must be plain text (one line, no control characters).
    private static func plainText(_ text: String, field: String) throws -> String {
        let trimmed = try nonEmpty(text, field: field)
        try PlainText.check(trimmed, field: field)
        return trimmed
    }
}
