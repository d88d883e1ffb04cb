import AssayCore

/// One reconciliation outcome with the time of the registry import it rests on.
struct ReconciledClaim {
    var finding: ReconciliationFinding
    /// When the registry data compared was imported (the record's import, else the registry's latest import).
    var importedAt: String
}

extension Store {
    /// Checks each claimed Common Criteria, EUCC and FIPS 140 certification (of one vendor, or of all) against the
    /// imported registry records, as of a day; claims whose registry was never imported are skipped. Read-only:
    /// outcomes are computed, never stored.
    public func reconcile(vendor reference: String? = nil, asOf: CalendarDate = .today) throws(StoreError)
        -> [ReconciliationFinding]
    {
        try read { db in
            let vendorId = try reference.map { try Self.id(of: try VendorResolver.resolve(db, $0)) }
            return try Self.reconcile(db, vendorId: vendorId, asOf: asOf, recordedBefore: nil).map(\.finding)
        }
    }

    /// The outcomes for claims created before `cutoff` (a timestamp; `nil` for all), against the registry records
    /// whose last import was before it. A registry keeps only each record's latest state, so a record last changed
    /// by a later import does not count: as far as the records tell, it was not known then.
    static func reconcile(
        _ db: any SQLConnection, vendorId: Int64?, asOf: CalendarDate, recordedBefore cutoff: String?
    ) throws -> [ReconciledClaim] {
        let knownImports =
            try cutoff.map { cutoff in
                try db.all(
                    RegistryImport.self,
                    "SELECT * FROM \"registryImport\" WHERE \"importedAt\" < ? ORDER BY \"id\"", [cutoff])
            } ?? db.all(RegistryImport.self, "SELECT * FROM \"registryImport\" ORDER BY \"id\"")
        // Only claims of a registry that was imported can have an outcome (see below): the others are not read.
        let importedRegistries = Set(knownImports.map(\.registry))
        let schemes = ["cc", "eucc", "fips140-2", "fips140-3"].filter { text in
            guard let scheme = try? CertificationScheme(text), let registry = ReconciliationCheck.registry(for: scheme)
            else { return false }
            return importedRegistries.contains(registry)
        }
        guard !schemes.isEmpty else { return [] }
        var sql = "SELECT * FROM \"certification\" WHERE \"scheme\" IN (\(SQL.placeholders(schemes.count)))"
        var arguments: [any SQLValueConvertible] = schemes
        if let vendorId {
            sql += " AND \"vendorId\" = ?"
            arguments.append(vendorId)
        }
        if let cutoff {
            sql += " AND \"createdAt\" < ?"
            arguments.append(cutoff)
        }
        let claims = try db.all(Certification.self, sql + " ORDER BY \"id\"", arguments)
        let importTimes = Dictionary(knownImports.compactMap { row in row.id.map { ($0, row.importedAt) } }) { $1 }
        var names = NameCache()
        var records: [Registry: [RegistryRecord]] = [:]
        var reconciled: [ReconciledClaim] = []
        for claim in claims {
            guard let registry = ReconciliationCheck.registry(for: claim.scheme), let id = claim.id else { continue }
            if records[registry] == nil {
                records[registry] = try db.all(
                    RegistryRecord.self, "SELECT * FROM \"registryRecord\" WHERE \"registry\" = ? ORDER BY \"id\"",
                    [registry.rawValue]
                ).filter { importTimes[$0.importId] != nil }
            }
            // A registry that was never imported says nothing about a claim: skip rather than call it missing.
            guard let candidates = records[registry], !candidates.isEmpty,
                let latestImport = knownImports.filter({ $0.registry == registry }).map(\.importedAt).max()
            else { continue }
            let check = ReconciliationCheck(
                claim: claim, vendorName: try names.vendor(db, claim.vendorId),
                productName: try names.product(db, claim.productId), asOf: asOf)
            let record = check.bestRecord(in: candidates)
            for (outcome, message) in check.outcomes(record) {
                let finding = ReconciliationFinding(
                    certificationId: id,
                    vendor: VendorReference(id: claim.vendorId, name: check.vendorName, link: nil),
                    scheme: claim.scheme, number: claim.number, product: check.productName, outcome: outcome,
                    registryRecordId: record?.id, registry: record?.registry, message: message)
                reconciled.append(
                    ReconciledClaim(
                        finding: finding, importedAt: record.flatMap { importTimes[$0.importId] } ?? latestImport))
            }
        }
        return reconciled
    }
}
