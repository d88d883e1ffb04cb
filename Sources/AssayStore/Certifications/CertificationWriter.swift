import AssayCore
import GRDB

extension Store {
    static func insertCertification(
        _ db: Database,
        _ draft: CertificationDraft,
        vendor: Vendor,
        log: AuditLog,
        asOf: CalendarDate,
        checkDuplicateNumber: Bool = true
    ) throws -> CertificationDetails {
        let vendorId = try id(of: vendor)
        if let issuedOn = draft.issuedOn, let validUntil = draft.validUntil, validUntil < issuedOn {
            throw StoreError.refused("--valid-until \(validUntil) is before --issued-on \(issuedOn)")
        }
        let level = try StoreError.validating { () throws(ValueError) in
            try draft.scheme.normalizedLevel(draft.level, auditPeriod: draft.auditPeriod)
        }
        if checkDuplicateNumber, let number = draft.number {
            let duplicate = try db.cachedStatement(
                sql: "SELECT id FROM certification WHERE vendorId = ? AND scheme = ? AND number = ? LIMIT 1")
            if let existingId = try Int64.fetchOne(duplicate, arguments: [vendorId, draft.scheme, number]) {
                throw StoreError.refused(
                    "\(vendor.name) already has \(draft.scheme.title) certificate \(number) (certification #\(existingId))"
                )
            }
        }
        let now = Timestamp.now()
        var certification = Certification(
            vendorId: vendorId,
            productId: try draft.product.map { try productId(db, vendorId: vendorId, name: $0, versions: draft.coveredVersions, log: log) },
            coveredVersions: draft.coveredVersions, scheme: draft.scheme, level: level,
            augmentations: draft.augmentations, auditPeriodStart: draft.auditPeriod?.lowerBound,
            auditPeriodEnd: draft.auditPeriod?.upperBound, number: draft.number, issuer: draft.issuer,
            lab: draft.lab, scope: draft.scope, issuedOn: draft.issuedOn, validUntil: draft.validUntil,
            status: draft.status, createdAt: now, updatedAt: now, notes: draft.notes
        )
        try certification.insert(db)
        guard let id = certification.id else { throw StoreError.database("certification row without id") }
        let first = CertificationStatusChange(
            certificationId: id, status: draft.status, effectiveOn: draft.issuedOn ?? asOf,
            reason: "registered", recordedAt: now
        )
        try db.cachedStatement(sql: """
            INSERT INTO certificationStatusChange (certificationId, status, effectiveOn, reason, recordedAt)
            VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [id, first.status, first.effectiveOn, first.reason, first.recordedAt])
        var names = NameCache(vendors: [vendorId: vendor.name])
        let details = try details(db, certification, asOf: asOf, full: false, names: &names)
        try log.append(db, action: "cert.add", entity: "certification", entityId: id, vendorId: vendorId,
                       change: Change<CertificationDetails>(after: details))
        return details
    }

    /// The product's id, creating it (logged) or extending its versions as needed.
    static func productId(_ db: Database, vendorId: Int64, name: String, versions: [String], log: AuditLog) throws -> Int64 {
        let name = try nonEmpty(name, field: "product")
        let key = VendorName.key(for: name)
        if var product = try Product.filter(Product.Columns.vendorId == vendorId && Product.Columns.key == key).fetchOne(db),
            let id = product.id
        {
            let added = versions.filter { !product.versions.contains($0) }
            if !added.isEmpty {
                product.versions += added
                try product.update(db)
            }
            return id
        }
        var product = Product(vendorId: vendorId, name: name, key: key, versions: versions)
        try product.insert(db)
        guard let id = product.id else { throw StoreError.database("product row without id") }
        try log.append(db, action: "product.add", entity: "product", entityId: id, vendorId: vendorId,
                       change: Change(after: ProductSnapshot(name: name, versions: versions)))
        return id
    }

    static func statusChange(_ row: CertificationStatusChange) -> StatusChange {
        StatusChange(status: row.status, effectiveOn: row.effectiveOn, reason: row.reason, recordedAt: row.recordedAt)
    }

    static func details(_ db: Database, _ row: Certification, asOf: CalendarDate, full: Bool) throws -> CertificationDetails {
        var names = NameCache()
        return try details(db, row, asOf: asOf, full: full, names: &names)
    }

    static func details(
        _ db: Database,
        _ row: Certification,
        asOf: CalendarDate,
        full: Bool,
        names: inout NameCache
    ) throws -> CertificationDetails {
        guard let id = row.id else { throw StoreError.database("certification row without id") }
        let history = full
            ? try CertificationStatusChange.filter(CertificationStatusChange.Columns.certificationId == id)
                .order(CertificationStatusChange.Columns.effectiveOn, CertificationStatusChange.Columns.id)
                .fetchAll(db).map(statusChange)
            : nil
        return CertificationDetails(
            id: id,
            vendor: VendorReference(id: row.vendorId, name: try names.vendor(db, row.vendorId), link: nil),
            product: try names.product(db, row.productId), coveredVersions: row.coveredVersions,
            scheme: row.scheme, schemeTitle: row.scheme.title, level: row.level, augmentations: row.augmentations,
            auditPeriodStart: row.auditPeriodStart, auditPeriodEnd: row.auditPeriodEnd, number: row.number,
            issuer: row.issuer, lab: row.lab, scope: row.scope, issuedOn: row.issuedOn, validUntil: row.validUntil,
            status: row.status, asOf: asOf,
            validity: Validity(status: row.status, issuedOn: row.issuedOn, validUntil: row.validUntil, on: asOf),
            daysRemaining: row.validUntil.map { asOf.days(until: $0) },
            statusHistory: history,
            evidence: full ? try evidence(db, certificationId: id) : nil,
            x509: full && row.scheme.builtin == .x509 ? try x509(db, certificationId: id) : nil,
            notes: row.notes, createdAt: row.createdAt, updatedAt: row.updatedAt
        )
    }
}

/// The audit-log shape of a new product.
private struct ProductSnapshot: Encodable {
    var name: String
    var versions: [String]
}
