import AssayCore
import AssayRegistry
import GRDB

extension Store {
    /// Imports claimed certifications in Assay's own format in one transaction. A record is the same claim as a
    /// stored certification when vendor, scheme and certificate number match: it then updates it (`cert.update`,
    /// with a dated status change when the status differs) or leaves it unchanged, so importing a file twice
    /// changes nothing. Every problem is reported at once, naming the file, the record and the field. `progress` is
    /// told how many records are done.
    public func importCertifications(
        _ records: [CertificationRecord], from path: String, progress: ProgressHandler? = nil
    ) throws(StoreError) -> ImportSummary {
        try write(commit: { $0.added + $0.updated > 0 }) { db, log in
            var summary = ImportSummary()
            var problems: [ImportProblem] = []
            var vendors: [String: Vendor] = [:]
            for (index, record) in records.enumerated() {
                progress?(index, records.count)
                let place = "record \(index + 1)"
                do {
                    let vendor = try vendors[record.vendor] ?? VendorResolver.resolve(db, record.vendor)
                    vendors[record.vendor] = vendor
                    let draft = try Self.draft(record, vendorId: try Self.id(of: vendor))
                    switch try Self.upsertCertification(db, draft, vendor: vendor, log: log) {
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

    /// Certifications in the import format, for `assay export certifications` (X.509 ones are left out: they are
    /// re-imported from their certificate files).
    public func certificationRecords(vendor: String? = nil) throws(StoreError) -> [CertificationRecord] {
        try read { db in
            var request = Certification.filter(Certification.Columns.scheme != "x509").order(Certification.Columns.id)
            if let vendor {
                request = request.filter(Certification.Columns.vendorId == (try VendorResolver.resolve(db, vendor)).id)
            }
            var names = NameCache()
            return try request.fetchAll(db).map { row in
                CertificationRecord(
                    vendor: try names.vendor(db, row.vendorId), scheme: row.scheme.id,
                    certificateNumber: row.number ?? "", issuer: row.issuer, lab: row.lab,
                    product: try names.product(db, row.productId),
                    versions: row.coveredVersions.isEmpty ? nil : row.coveredVersions, scope: row.scope,
                    issuedOn: row.issuedOn ?? CalendarDate(row.createdAt.prefix(10)), validUntil: row.validUntil,
                    status: row.status, notes: row.notes)
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
        draft.issuer = record.issuer
        draft.lab = record.lab
        draft.product = record.product
        draft.coveredVersions = record.versions ?? []
        draft.scope = record.scope
        draft.issuedOn = record.issuedOn
        draft.validUntil = record.validUntil
        draft.status = record.status
        draft.notes = record.notes
        return draft
    }
}

extension CalendarDate {
    /// The day of an ISO 8601 timestamp's first ten characters, or 1970-01-01 when they are not a day.
    init(_ timestampPrefix: Substring) {
        self = (try? CalendarDate(iso: String(timestampPrefix))) ?? CalendarDate(.init(timeIntervalSince1970: 0))
    }
}
