import AssayCore

extension Store {
    /// Inserts a claim for a resolved vendor, logged as `cert.add`, with its first status-history entry (effective
    /// on the issue date, else on `asOf`). The claim keeps the draft's claim key, or gets a new one.
    static func insertCertification(
        _ db: any SQLConnection,
        _ draft: CertificationDraft,
        vendor: Vendor,
        log: AuditLog,
        asOf: CalendarDate
    ) throws -> CertificationDetails {
        let draft = try draft.cleaned()
        let now = Timestamp.now()
        var certification = try checkedRow(db, draft, vendor: vendor, except: nil, log: log)
        certification.createdAt = now
        certification.updatedAt = now
        certification.claimKey = draft.claimKey ?? Certification.newClaimKey()
        try certification.insertCached(db)
        guard let id = certification.id else { throw StoreError.database("certification row without id") }
        let first = CertificationStatusChange(
            certificationId: id, status: draft.status, effectiveOn: draft.issuedOn ?? asOf,
            reason: "registered", recordedAt: now
        )
        try db.run(
            """
            INSERT INTO "certificationStatusChange" ("certificationId", "status", "effectiveOn", "reason", "recordedAt")
            VALUES (?, ?, ?, ?, ?)
            """,
            [id, first.status, first.effectiveOn, first.reason, first.recordedAt])
        var names = NameCache(vendors: [certification.vendorId: vendor.name])
        let details = try details(db, certification, asOf: asOf, full: false, names: &names)
        try log.append(
            db, action: "cert.add", entity: "certification", entityId: id,
            vendorId: certification.vendorId, change: Change<CertificationDetails>(after: details))
        return details
    }

    /// Replaces a claim's fields with a draft's (its claim key stays), logged as `action` with the claim before and
    /// after. A new status is recorded in the status history as effective on `day`, with `reason`.
    /// Returns `nil` when nothing differs.
    static func updateCertification(
        _ db: any SQLConnection,
        _ existing: Certification,
        to draft: CertificationDraft,
        vendor: Vendor,
        log: AuditLog,
        action: String,
        statusReason reason: String,
        on day: CalendarDate
    ) throws -> CertificationDetails? {
        guard let id = existing.id else { throw StoreError.database("certification row without id") }
        var updated = try checkedRow(db, try draft.cleaned(), vendor: vendor, except: id, log: log)
        updated.id = id
        updated.createdAt = existing.createdAt
        updated.updatedAt = existing.updatedAt
        updated.claimKey = existing.claimKey
        guard updated != existing else { return nil }
        let now = Timestamp.now()
        if updated.status != existing.status {
            var change = CertificationStatusChange(
                certificationId: id, status: updated.status, effectiveOn: day, reason: reason, recordedAt: now)
            try db.insert(&change)
        }
        let before = try details(db, existing, asOf: day, full: false)
        updated.updatedAt = now
        try db.update(updated)
        let after = try details(db, updated, asOf: day, full: false)
        try log.append(
            db, action: action, entity: "certification", entityId: id,
            vendorId: updated.vendorId, change: Change(before: before, after: after))
        return after
    }

    /// A row from a cleaned draft, checked: dates in order, the scheme's level, no second claim of the vendor with
    /// the scheme and number (X.509 serial numbers aside), the product created as needed. Id, timestamps and claim
    /// key are left to the caller.
    private static func checkedRow(
        _ db: any SQLConnection,
        _ draft: CertificationDraft,
        vendor: Vendor,
        except ownId: Int64?,
        log: AuditLog
    ) throws -> Certification {
        let vendorId = try id(of: vendor)
        if let issuedOn = draft.issuedOn, let validUntil = draft.validUntil, validUntil < issuedOn {
            throw StoreError.refused("valid-until date \(validUntil) is before issued-on date \(issuedOn)")
        }
        // Names and identifiers are one line of plain text (scope and notes may span lines).
        try StoreError.validating { () throws(ValueError) in
            for (text, field) in [
                (draft.number, "certificate number"), (draft.issuer, "issuer"), (draft.lab, "laboratory"),
                (draft.product, "product"),
            ] {
                if let text { try PlainText.check(text, field: field) }
            }
        }
        let level = try StoreError.validating { () throws(ValueError) in
            try draft.scheme.normalizedLevel(draft.level, auditPeriod: draft.auditPeriod)
        }
        if draft.scheme.builtin != .x509, let number = draft.number {
            var sql = #"SELECT "id" FROM "certification" WHERE "vendorId" = ? AND "scheme" = ? AND "number" = ?"#
            var arguments: [any SQLValueConvertible] = [vendorId, draft.scheme, number]
            if let ownId {
                sql += #" AND "id" <> ?"#
                arguments.append(ownId)
            }
            if let existingId = try db.value(Int64.self, sql + #" ORDER BY "id" LIMIT 1"#, arguments) {
                throw StoreError.refused(
                    "\(vendor.name) already has \(draft.scheme.title) certificate \(number) (certification #\(existingId))"
                )
            }
        }
        return Certification(
            vendorId: vendorId,
            productId: try draft.product.map {
                try productId(db, vendorId: vendorId, name: $0, versions: draft.coveredVersions, log: log)
            },
            coveredVersions: draft.coveredVersions, scheme: draft.scheme, level: level,
            augmentations: draft.augmentations, auditPeriodStart: draft.auditPeriod?.lowerBound,
            auditPeriodEnd: draft.auditPeriod?.upperBound, number: draft.number, issuer: draft.issuer,
            lab: draft.lab, scope: draft.scope, issuedOn: draft.issuedOn, validUntil: draft.validUntil,
            status: draft.status, createdAt: "", updatedAt: "", notes: draft.notes
        )
    }

    /// The draft that would recreate a stored claim (the vendor by id, the product by name).
    static func certificationDraft(_ db: any SQLConnection, _ row: Certification) throws -> CertificationDraft {
        var names = NameCache()
        var draft = CertificationDraft(vendor: "#\(row.vendorId)", scheme: row.scheme)
        draft.product = try names.product(db, row.productId)
        draft.coveredVersions = row.coveredVersions
        draft.level = row.level
        draft.augmentations = row.augmentations
        if let start = row.auditPeriodStart, let end = row.auditPeriodEnd, start <= end {
            draft.auditPeriod = start...end
        }
        draft.number = row.number
        draft.issuer = row.issuer
        draft.lab = row.lab
        draft.scope = row.scope
        draft.issuedOn = row.issuedOn
        draft.validUntil = row.validUntil
        draft.status = row.status
        draft.notes = row.notes
        draft.claimKey = row.claimKey
        return draft
    }

    /// The product's id, creating it (logged) or extending its versions as needed.
    static func productId(
        _ db: any SQLConnection, vendorId: Int64, name: String, versions: [String], log: AuditLog
    ) throws -> Int64 {
        let name = try nonEmpty(name, field: "product")
        let key = VendorName.key(for: name)
        if var product = try Product.find(db, vendorId: vendorId, key: key), let id = product.id {
            let added = versions.filter { !product.versions.contains($0) }
            if !added.isEmpty {
                product.versions += added
                try db.update(product)
            }
            return id
        }
        var product = Product(vendorId: vendorId, name: name, key: key, versions: versions)
        try db.insert(&product)
        guard let id = product.id else { throw StoreError.database("product row without id") }
        try log.append(
            db, action: "product.add", entity: "product", entityId: id, vendorId: vendorId,
            change: Change(after: ProductSnapshot(name: name, versions: versions)))
        return id
    }

    static func statusChange(_ row: CertificationStatusChange) -> StatusChange {
        StatusChange(status: row.status, effectiveOn: row.effectiveOn, reason: row.reason, recordedAt: row.recordedAt)
    }

    static func details(_ db: any SQLConnection, _ row: Certification, asOf: CalendarDate, full: Bool) throws
        -> CertificationDetails
    {
        var names = NameCache()
        return try details(db, row, asOf: asOf, full: full, names: &names)
    }

    static func details(
        _ db: any SQLConnection,
        _ row: Certification,
        asOf: CalendarDate,
        full: Bool,
        names: inout NameCache
    ) throws -> CertificationDetails {
        guard let id = row.id else { throw StoreError.database("certification row without id") }
        let history =
            full
            ? try db.all(
                CertificationStatusChange.self,
                """
                SELECT * FROM "certificationStatusChange" WHERE "certificationId" = ? ORDER BY "effectiveOn", "id"
                """,
                [id]
            ).map(statusChange)
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
            x509: full && row.scheme.builtin == .x509
                ? try x509(db, certificationId: id) : nil,
            notes: row.notes, claimKey: row.claimKey, createdAt: row.createdAt, updatedAt: row.updatedAt
        )
    }
}

/// The audit-log shape of a new product.
private struct ProductSnapshot: Encodable {
    var name: String
    var versions: [String]
}

extension CertificationDraft {
    /// The draft with texts trimmed (empty ones as none) and list items trimmed (empty ones dropped), as stored;
    /// refuses a list item holding `;`, which separates items in CSV.
    func cleaned() throws -> CertificationDraft {
        func text(_ value: String?) -> String? {
            guard let trimmed = value?.trimmedOfWhitespace, !trimmed.isEmpty else {
                return nil
            }
            return trimmed
        }
        func list(_ items: [String], field: String) throws -> [String] {
            let kept = items.map(\.trimmedOfWhitespace).filter { !$0.isEmpty }
            if let bad = kept.first(where: { $0.contains(";") }) {
                throw StoreError.refused("\(field) '\(bad)' holds ';', which separates list items in CSV")
            }
            return kept
        }
        var draft = self
        draft.product = text(product)
        draft.coveredVersions = try list(coveredVersions, field: "version")
        draft.level = text(level)
        draft.augmentations = try list(augmentations, field: "augmentation")
        draft.number = text(number)
        draft.issuer = text(issuer)
        draft.lab = text(lab)
        draft.scope = text(scope)
        draft.notes = text(notes)
        draft.claimKey = text(claimKey)
        return draft
    }
}
