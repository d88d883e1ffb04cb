import AssayCore

extension Store {
    /// Registers a certification, logged as `cert.add`; its first status-history entry is recorded with it.
    @discardableResult
    public func addCertification(_ draft: CertificationDraft, asOf: CalendarDate = .today) throws(StoreError)
        -> CertificationDetails
    {
        try addCertifications([draft], asOf: asOf)[0]
    }

    /// Registers many certifications in one transaction: all or none.
    @discardableResult
    public func addCertifications(_ drafts: [CertificationDraft], asOf: CalendarDate = .today) throws(StoreError)
        -> [CertificationDetails]
    {
        return try write { db, log in
            var vendors: [String: Vendor] = [:]
            return try drafts.map { draft in
                let vendor = try vendors[draft.vendor] ?? VendorResolver.resolve(db, draft.vendor)
                vendors[draft.vendor] = vendor
                return try Self.insertCertification(db, draft, vendor: vendor, log: log, asOf: asOf)
            }
        }
    }

    /// Records a dated status change (suspended, withdrawn, revoked, or active again), logged as `cert.set-status`.
    @discardableResult
    public func setCertificationStatus(
        _ id: Int64,
        to status: CertificationStatus,
        effectiveOn: CalendarDate,
        reason: String?,
        asOf: CalendarDate = .today
    ) throws(StoreError) -> CertificationDetails {
        return try write { db, log in
            var certification = try Self.certificationRow(db, id)
            let before = certification.status
            var change = CertificationStatusChange(
                certificationId: id, status: status, effectiveOn: effectiveOn, reason: reason,
                recordedAt: Timestamp.now()
            )
            try db.insert(&change)
            certification.status = status
            certification.updatedAt = change.recordedAt
            try db.update(certification)
            try log.append(
                db, action: "cert.set-status", entity: "certification", entityId: id,
                vendorId: certification.vendorId,
                change: StatusEdit(before: before, after: Self.statusChange(change)))
            return try Self.details(db, certification, asOf: asOf, full: true)
        }
    }

    /// One certification with its status history and evidence.
    public func certification(_ id: Int64, asOf: CalendarDate = .today) throws(StoreError) -> CertificationDetails {
        try read { db in
            try Self.details(db, try Self.certificationRow(db, id), asOf: asOf, full: true)
        }
    }

    /// Certifications matching a filter, soonest expiry first.
    public func certifications(_ filter: CertificationFilter) throws(StoreError) -> [CertificationDetails] {
        try read { db in
            var conditions: [String] = []
            var arguments: [any SQLValueConvertible] = []
            if let vendor = filter.vendor {
                conditions.append("\"vendorId\" = ?")
                arguments.append(try Self.id(of: try VendorResolver.resolve(db, vendor)))
            }
            if let scheme = filter.scheme {
                conditions.append("\"scheme\" = ?")
                arguments.append(scheme)
            }
            if let status = filter.status {
                conditions.append("\"status\" = ?")
                arguments.append(status)
            }
            if let span = filter.expiringWithin {
                conditions += ["\"status\" = ?", "\"validUntil\" >= ?", "\"validUntil\" <= ?"]
                arguments += [CertificationStatus.active, filter.asOf, span.end(from: filter.asOf)]
            }
            let rows = try db.all(
                Certification.self,
                "SELECT * FROM \"certification\""
                    + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
                    + " ORDER BY \"validUntil\" ASC NULLS LAST, \"id\"",
                arguments)
            var names = NameCache()
            return try rows.compactMap { row in
                let details = try Self.details(db, row, asOf: filter.asOf, full: false, names: &names)
                if let validity = filter.validity, details.validity != validity { return nil }
                return details
            }
        }
    }
}

/// The audit-log shape of a status change.
private struct StatusEdit: Encodable {
    var before: CertificationStatus
    var after: StatusChange
}

/// Vendor and product names looked up once per listing.
struct NameCache {
    var vendors: [Int64: String] = [:]
    var products: [Int64: String] = [:]

    mutating func vendor(_ db: any SQLConnection, _ id: Int64) throws -> String {
        if let name = vendors[id] { return name }
        let name = try db.value(String.self, "SELECT \"name\" FROM \"vendor\" WHERE \"id\" = ?", [id]) ?? "#\(id)"
        vendors[id] = name
        return name
    }

    mutating func product(_ db: any SQLConnection, _ id: Int64?) throws -> String? {
        guard let id else { return nil }
        if let name = products[id] { return name }
        let name = try db.value(String.self, "SELECT \"name\" FROM \"product\" WHERE \"id\" = ?", [id])
        products[id] = name
        return name
    }
}
