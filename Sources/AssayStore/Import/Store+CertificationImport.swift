import AssayCore
import AssayRegistry

extension Store {
    /// Imports claimed certifications in Assay's own format in one transaction. A record that is a stored claim
    /// (by claim key; else vendor, scheme and certificate number; else, without a number, vendor, scheme, product
    /// and issue date, paired in order) updates it (`cert.update`, with a dated status change when the status
    /// differs) or leaves it unchanged, so importing a file twice, or an export into its own database, changes
    /// nothing. Every problem is reported at once, naming the file and the record. `progress` is told how many
    /// records are done.
    public func importCertifications(
        _ records: [CertificationRecord], from path: String, progress: ProgressHandler? = nil
    ) throws(StoreError) -> ImportSummary {
        try write(commit: { $0.added + $0.updated > 0 }) { db, log in
            var summary = ImportSummary()
            var problems: [ImportProblem] = []
            var vendors: [String: Vendor] = [:]
            var matches = ClaimMatches()
            for (index, record) in records.enumerated() {
                progress?(index, records.count)
                let place = "record \(index + 1)"
                do {
                    let vendor = try vendors[record.vendor] ?? VendorResolver.resolve(db, record.vendor)
                    vendors[record.vendor] = vendor
                    let draft = try Self.draft(record, vendorId: try Self.id(of: vendor))
                    let outcome = try Self.upsertCertification(
                        db, draft, vendor: vendor, log: log, record: index + 1, matches: &matches)
                    switch outcome {
                    case .added: summary.added += 1
                    case .updated: summary.updated += 1
                    case .unchanged: summary.unchanged += 1
                    }
                } catch let error as StoreError {
                    problems.append(ImportProblem(file: path, line: nil, field: place, reason: error.description))
                }
            }
            if !problems.isEmpty { throw StoreError.importProblems(problems) }
            return summary
        }
    }

    /// Certifications in the import format, oldest first, for `assay export certifications`: every field a claim
    /// holds and its current status (not its status history or evidence). X.509 ones are left out: they are
    /// re-imported from their certificate files.
    public func certificationRecords(vendor: String? = nil) throws(StoreError) -> [CertificationRecord] {
        try read { db in
            var sql = #"SELECT * FROM "certification" WHERE "scheme" <> 'x509'"#
            var arguments: [any SQLValueConvertible] = []
            if let vendor {
                sql += #" AND "vendorId" = ?"#
                arguments.append(try Self.id(of: try VendorResolver.resolve(db, vendor)))
            }
            var names = NameCache()
            return try db.all(Certification.self, sql + #" ORDER BY "id""#, arguments).map { row in
                CertificationRecord(
                    vendor: try names.vendor(db, row.vendorId), scheme: row.scheme.id, certificateNumber: row.number,
                    level: row.level, augmentations: row.augmentations.isEmpty ? nil : row.augmentations,
                    issuer: row.issuer, lab: row.lab, product: try names.product(db, row.productId),
                    versions: row.coveredVersions.isEmpty ? nil : row.coveredVersions, scope: row.scope,
                    auditPeriodStart: row.auditPeriodStart, auditPeriodEnd: row.auditPeriodEnd,
                    issuedOn: row.issuedOn, validUntil: row.validUntil, status: row.status, notes: row.notes,
                    claimKey: row.claimKey)
            }
        }
    }

    static func draft(_ record: CertificationRecord, vendorId: Int64) throws -> CertificationDraft {
        var draft = CertificationDraft(
            vendor: "#\(vendorId)",
            scheme: try StoreError.validating {
                () throws(ValueError) in try CertificationScheme(record.scheme)
            })
        draft.number = record.certificateNumber
        draft.level = record.level
        draft.augmentations = record.augmentations ?? []
        switch (record.auditPeriodStart, record.auditPeriodEnd) {
        case (nil, nil): break
        case (.some(let start), .some(let end)) where start <= end: draft.auditPeriod = start...end
        default: throw StoreError.refused("audit_period_start and audit_period_end must both be given, in order")
        }
        draft.issuer = record.issuer
        draft.lab = record.lab
        draft.product = record.product
        draft.coveredVersions = record.versions ?? []
        draft.scope = record.scope
        draft.issuedOn = record.issuedOn
        draft.validUntil = record.validUntil
        draft.status = record.status
        draft.notes = record.notes
        draft.claimKey = record.claimKey
        return draft
    }
}
