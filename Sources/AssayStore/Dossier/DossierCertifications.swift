import AssayCore

/// The certification part of a dossier: timeline entries from issue dates, status history and expiry, and each
/// certification's status and validity on the dossier's day as far as the records then known tell.
enum DossierCertifications {
    struct Result {
        var entries: [DossierEntry] = []
        var current: [DossierCertification] = []
    }

    /// `recordedBefore` is the first day whose records do not count (text compared with `createdAt`);
    /// `registry` holds the reconciliation outcomes by certification id.
    static func build(
        _ db: any SQLConnection, vendorId: Int64, asOf: CalendarDate, recordedBefore cutoff: String,
        registry: [Int64: [ReconciliationOutcome]]
    ) throws -> Result {
        var result = Result()
        let rows = try db.all(
            Certification.self,
            #"SELECT * FROM "certification" WHERE "vendorId" = ? AND "createdAt" < ? ORDER BY "id""#,
            [vendorId, cutoff])
        for row in rows {
            guard let id = row.id else { throw StoreError.database("certification row without id") }
            let history = try db.all(
                CertificationStatusChange.self,
                """
                SELECT * FROM "certificationStatusChange" WHERE "certificationId" = ? AND "recordedAt" < ?
                ORDER BY "effectiveOn", "id"
                """, [id, cutoff])
            let status = history.last(where: { $0.effectiveOn <= asOf })?.status ?? .active
            let certification = DossierCertification(
                id: id, scheme: row.scheme, schemeTitle: row.scheme.title, level: row.level, number: row.number,
                issuer: row.issuer, issuedOn: row.issuedOn, validUntil: row.validUntil, status: status,
                validity: Validity(status: status, issuedOn: row.issuedOn, validUntil: row.validUntil, on: asOf),
                registry: registry[id]
            )
            result.current.append(certification)
            let name = "\(row.scheme.title)\(row.level.map { " \($0)" } ?? "")\(row.number.map { " \($0)" } ?? "")"
            if let issuedOn = row.issuedOn {
                let by = row.issuer.map { " by \($0)" } ?? ""
                result.entries.append(
                    DossierEntry(
                        date: PartialDate(issuedOn), kind: .certificationIssued,
                        title: "\(name) issued\(by)", certification: certification))
            }
            for (index, change) in history.enumerated() where !(index == 0 && change.status == .active) {
                let reason = change.reason.map { ": \($0)" } ?? ""
                result.entries.append(
                    DossierEntry(
                        date: PartialDate(change.effectiveOn), kind: .certificationStatus,
                        title: "\(name) \(change.status.rawValue)\(reason)",
                        certification: certification))
            }
            if let validUntil = row.validUntil {
                result.entries.append(
                    DossierEntry(
                        date: PartialDate(validUntil.adding(days: 1)),
                        kind: .certificationExpired, title: "\(name) expired",
                        certification: certification))
            }
        }
        return result
    }
}
