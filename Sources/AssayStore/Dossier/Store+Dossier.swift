import AssayCore

extension Store {
    /// The dossier of a vendor as of a day: the state of things on `asOf`, judged from what was recorded by the
    /// end of `knownOn` (default: today, so everything recorded so far).
    public func dossier(_ reference: String, asOf: CalendarDate, knownOn: CalendarDate? = nil) throws(StoreError)
        -> Dossier
    {
        let knownOn = knownOn ?? .today
        return try read { db in
            let vendor = try VendorResolver.resolve(db, reference)
            let id = try Self.id(of: vendor)
            let details = try Self.details(db, vendor)
            let cutoff = Timestamp.end(of: knownOn)
            var names = NameCache()
            let parents = try AffiliateTree.ancestors(db, of: id).map { try names.vendor(db, $0) }
            let affiliates = try AffiliateTree.subtree(db, of: id).filter { $0 != id }
                .map { try names.vendor(db, $0) }.sorted()
            let reconciled = try Self.reconcile(db, vendorId: id, asOf: asOf, recordedBefore: cutoff)
            let outcomes = Dictionary(grouping: reconciled.map(\.finding), by: \.certificationId)
                .mapValues { $0.map(\.outcome) }
            let certifications = try DossierCertifications.build(
                db, vendorId: id, asOf: asOf, recordedBefore: cutoff, registry: outcomes)
            let escrow = try DossierEscrow.build(db, vendorId: id, asOf: asOf, recordedBefore: cutoff)
            let binaries = try DossierBinaries.build(db, vendorId: id, asOf: asOf, recordedBefore: cutoff)
            var events: [MarketEvent] = []
            for hit in try EventPropagation.events(db, bearingOn: vendor) where hit.record.createdAt < cutoff {
                events.append(
                    try Self.eventDetails(
                        db, hit.record, names: &names, relation: hit.relation,
                        path: hit.path, activeOn: asOf))
            }
            let timeline = try
                (certifications.entries + events.map(Self.timelineEntry) + escrow.entries
                + reconciled.map(Self.timelineEntry) + binaries.entries)
                .filter { $0.date.earliest <= asOf }
                .sorted { ($0.date, $0.kind.rawValue, $0.title) < ($1.date, $1.kind.rawValue, $1.title) }
            return Dossier(
                vendor: VendorReference(id: id, name: vendor.name, link: nil), country: vendor.country,
                aliases: details.aliases, parents: parents, affiliates: affiliates, asOf: asOf, knownOn: knownOn,
                timeline: timeline,
                summary: DossierSummary(
                    certifications: certifications.current,
                    restrictions: Self.restrictions(events), escrow: escrow.offers,
                    reconciliation: reconciled.map(\.finding), binaries: binaries.binaries)
            )
        }
    }

    private static func timelineEntry(_ event: MarketEvent) -> DossierEntry {
        let path = (event.path ?? []).joined(separator: " → ")
        let via: String
        switch event.relation {
        case .own: via = ""
        case .inherited: via = " (inherited via \(path))"
        case .affiliate: via = " (affecting an affiliate: \(path))"
        }
        let by = event.authority.map { " by \($0)" } ?? ""
        let status = event.status == .active ? "" : " [\(event.status.rawValue)]"
        return DossierEntry(
            date: event.announcedOn, kind: .marketEvent,
            title: "\(event.jurisdiction): \(event.type.label)\(by)\(status)\(via)", event: event)
    }

    /// A reconciliation outcome, dated by the registry import it rests on.
    private static func timelineEntry(_ reconciled: ReconciledClaim) throws -> DossierEntry {
        let finding = reconciled.finding
        return DossierEntry(
            date: PartialDate(try Timestamp.day(of: reconciled.importedAt)), kind: .registryReconciliation,
            title: "Registry check of certification #\(finding.certificationId): \(finding.outcome.rawValue): "
                + finding.message,
            reconciliation: finding)
    }

    /// Restrictions in force or possibly in force, grouped by jurisdiction (codes in order).
    private static func restrictions(_ events: [MarketEvent]) -> [JurisdictionRestrictions] {
        let inForce = events.filter { $0.type.isRestriction && ($0.inForce ?? .no) != .no }
        return Dictionary(grouping: inForce, by: \.jurisdiction).sorted { $0.key < $1.key }.map {
            jurisdiction, events in
            JurisdictionRestrictions(
                jurisdiction: jurisdiction, jurisdictionName: jurisdiction.name,
                events: events.sorted { ($0.announcedOn, $0.id) < ($1.announcedOn, $1.id) })
        }
    }
}
