import AssayCore

/// What an import did with one claim.
enum UpsertOutcome {
    case added
    case updated
    case unchanged
}

/// The stored claims that the records of one import have matched so far, with the record that matched each.
struct ClaimMatches {
    private var records: [Int64: Int] = [:]

    /// The record (1-based) that already matched the claim, if any.
    func record(matching claimId: Int64) -> Int? { records[claimId] }

    mutating func note(_ claimId: Int64, record: Int) { records[claimId] = record }
}

extension Store {
    /// Adds a claim, or brings the stored claim that the record is up to date (`cert.update`, a new status dated
    /// today with reason `imported`).
    ///
    /// Which claim a record is: the stored claim with its claim key; else the vendor's claim with the scheme and
    /// number; else, for a record without a number, the vendor's first claim without a number with the same
    /// scheme, product and issue date that no earlier record of the import matched. So two claims alike but for
    /// their keys stay two claims, and an import of an export changes nothing.
    static func upsertCertification(
        _ db: any SQLConnection,
        _ draft: CertificationDraft,
        vendor: Vendor,
        log: AuditLog,
        record: Int,
        matches: inout ClaimMatches
    ) throws -> UpsertOutcome {
        let draft = try draft.cleaned()
        guard let existing = try matchingClaim(db, draft, vendorId: try id(of: vendor), matches: matches),
            let existingId = existing.id
        else {
            let added = try insertCertification(db, draft, vendor: vendor, log: log, asOf: .today)
            matches.note(added.id, record: record)
            return .added
        }
        if let earlier = matches.record(matching: existingId) {
            throw StoreError.refused(
                "is the same claim (certification #\(existingId)) as record \(earlier): by claim_key, or by vendor, "
                    + "scheme and certificate_number")
        }
        matches.note(existingId, record: record)
        let updated = try updateCertification(
            db, existing, to: draft, vendor: vendor, log: log, action: "cert.update", statusReason: "imported",
            on: .today)
        return updated == nil ? .unchanged : .updated
    }

    /// The stored claim a cleaned draft is, if any (see ``upsertCertification(_:_:vendor:log:record:matches:)``).
    private static func matchingClaim(
        _ db: any SQLConnection, _ draft: CertificationDraft, vendorId: Int64, matches: ClaimMatches
    )
        throws -> Certification?
    {
        if let key = draft.claimKey,
            let claim = try db.one(
                Certification.self, #"SELECT * FROM "certification" WHERE "claimKey" = ? LIMIT 1"#, [key])
        {
            return claim
        }
        let sameScheme = #"SELECT * FROM "certification" WHERE "vendorId" = ? AND "scheme" = ?"#
        if let number = draft.number {
            return try db.one(
                Certification.self, sameScheme + #" AND "number" = ? ORDER BY "id" LIMIT 1"#,
                [vendorId, draft.scheme, number])
        }
        var productId: Int64?
        if let product = draft.product {
            guard let id = try Product.find(db, vendorId: vendorId, key: VendorName.key(for: product))?.id else {
                return nil
            }
            productId = id
        }
        // Absent values match absent ones only: `IS NULL` for them, `=` for the others.
        var sql = sameScheme + #" AND "number" IS NULL"#
        var arguments: [any SQLValueConvertible] = [vendorId, draft.scheme]
        let optional: [(column: String, value: (any SQLValueConvertible)?)] = [
            ("productId", productId), ("issuedOn", draft.issuedOn),
        ]
        for (column, value) in optional {
            if let value {
                sql += " AND \(SQL.identifier(column)) = ?"
                arguments.append(value)
            } else {
                sql += " AND \(SQL.identifier(column)) IS NULL"
            }
        }
        return try db.all(Certification.self, sql + #" ORDER BY "id""#, arguments)
            .first { claim in claim.id.map { matches.record(matching: $0) == nil } ?? false }
    }
}
