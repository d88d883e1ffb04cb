import AssayCore
import GRDB

extension Store {
    /// Checks each claimed Common Criteria, EUCC and FIPS 140 certification (of one vendor, or of all) against the
    /// imported registry records, as of a day; claims whose registry was never imported are skipped. Read-only:
    /// outcomes are computed, never stored.
    public func reconcile(vendor reference: String? = nil, asOf: CalendarDate = .today) throws(StoreError)
        -> [ReconciliationFinding]
    {
        try read { db in
            try Self.reconcile(db, vendorId: try reference.map { try VendorResolver.resolve(db, $0).id }, asOf: asOf)
        }
    }

    static func reconcile(_ db: Database, vendorId: Int64??, asOf: CalendarDate) throws -> [ReconciliationFinding] {
            var request = Certification.filter(["cc", "eucc", "fips140-2", "fips140-3"].contains(Certification.Columns.scheme))
                .order(Certification.Columns.id)
            if let vendorId {
                request = request.filter(Certification.Columns.vendorId == vendorId)
            }
            var names = NameCache()
            var records: [Registry: [RegistryRecord]] = [:]
            var findings: [ReconciliationFinding] = []
            for claim in try request.fetchAll(db) {
                guard let registry = ReconciliationCheck.registry(for: claim.scheme), let id = claim.id else { continue }
                if records[registry] == nil {
                    records[registry] = try RegistryRecord.filter(RegistryRecord.Columns.registry == registry).fetchAll(db)
                }
                let check = ReconciliationCheck(
                    claim: claim, vendorName: try names.vendor(db, claim.vendorId),
                    productName: try names.product(db, claim.productId), asOf: asOf)
                // A registry that was never imported says nothing about a claim: skip rather than call it missing.
                guard let candidates = records[registry], !candidates.isEmpty else { continue }
                let record = check.bestRecord(in: candidates)
                for (outcome, message) in check.outcomes(record) {
                    findings.append(ReconciliationFinding(
                        certificationId: id,
                        vendor: VendorReference(id: claim.vendorId, name: check.vendorName, link: nil),
                        scheme: claim.scheme, number: claim.number, product: check.productName, outcome: outcome,
                        registryRecordId: record?.id, registry: record?.registry, message: message))
                }
            }
            return findings
    }
}
