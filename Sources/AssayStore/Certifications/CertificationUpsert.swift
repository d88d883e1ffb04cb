import AssayCore
import GRDB

/// What an import did with one claim.
enum UpsertOutcome {
    case added
    case updated
    case unchanged
}

extension Store {
    /// Adds a claim, or brings the stored claim with the same vendor, scheme and number up to date.
    static func upsertCertification(_ db: Database, _ draft: CertificationDraft, vendor: Vendor, log: AuditLog)
        throws -> UpsertOutcome
    {
        let vendorId = try id(of: vendor)
        guard let number = draft.number,
            var existing = try Certification.filter(
                Certification.Columns.vendorId == vendorId && Certification.Columns.scheme == draft.scheme
                    && Certification.Columns.number == number
            ).fetchOne(db), let existingId = existing.id
        else {
            _ = try insertCertification(db, draft, vendor: vendor, log: log, asOf: .today)
            return .added
        }
        var updated = existing
        updated.issuer = draft.issuer
        updated.lab = draft.lab
        updated.scope = draft.scope
        updated.issuedOn = draft.issuedOn
        updated.validUntil = draft.validUntil
        updated.coveredVersions = draft.coveredVersions
        updated.notes = draft.notes
        updated.productId = try draft.product.map {
            try productId(db, vendorId: vendorId, name: $0, versions: draft.coveredVersions, log: log)
        }
        updated.status = draft.status
        guard updated != existing else { return .unchanged }
        if updated.status != existing.status {
            var change = CertificationStatusChange(
                certificationId: existingId, status: updated.status, effectiveOn: .today, reason: "imported",
                recordedAt: Timestamp.now())
            try change.insert(db)
        }
        let before = try details(db, existing, asOf: .today, full: false)
        updated.updatedAt = Timestamp.now()
        try updated.update(db)
        existing = updated
        let after = try details(db, existing, asOf: .today, full: false)
        try log.append(db, action: "cert.update", entity: "certification", entityId: existingId, vendorId: vendorId,
                       change: Change(before: before, after: after))
        return .updated
    }
}
