import AssayCore
import Foundation
import Synchronization

extension Store {
    /// Reads everything an audit needs as of a day, in one read transaction and a few set-based queries (one
    /// per table, never one per vendor), and verifies the audit log's chain up to the head that snapshot saw;
    /// `progress` is told how many of the log's entries have been verified.
    public func auditSnapshot(asOf: CalendarDate, progress: ProgressHandler? = nil) throws(StoreError)
        -> AuditSnapshot
    {
        try auditSnapshot(asOf: asOf, progress: progress, meanwhile: { _ in }).snapshot
    }

    /// The same snapshot; `meanwhile` is run on it as soon as the records are read, while the audit log is still
    /// being verified (its ``AuditSnapshot/logVerification`` is then still empty), and its result handed back.
    public func auditSnapshot<Partial>(
        asOf: CalendarDate, progress: ProgressHandler? = nil, meanwhile: (AuditSnapshot) -> Partial
    ) throws(StoreError) -> (snapshot: AuditSnapshot, meanwhile: Partial) {
        // The chain, the slowest part to check, is verified on a second connection while this one reads the
        // records (WAL readers run side by side) and `meanwhile` works on them: two threads, no more.
        let chain = ChainCheck()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { [self] in
            chain.finish(Result { () throws(StoreError) in try verifyLog(progress: progress) })
        }
        var snapshot = try readSnapshot(asOf: asOf)
        let partial = meanwhile(snapshot)
        group.wait()
        var verification = try chain.result()
        if let head = snapshot.logHead, verification.isIntact, (verification.headSeq ?? 0) < head.seq {
            // Entries were appended between the two reads: verify again, now that they are all there.
            verification = try verifyLog()
        }
        if let broken = verification.firstBreak, let head = snapshot.logHead, broken.seq > head.seq,
            (verification.headSeq ?? 0) > head.seq
        {
            // In entries appended after the records were read: not this snapshot's concern. (A stored checkpoint
            // beyond the head, by contrast, means the log was cut: that break stays.)
            verification.firstBreak = nil
        }
        snapshot.logVerification = verification
        return (snapshot, partial)
    }

    private func readSnapshot(asOf: CalendarDate) throws(StoreError) -> AuditSnapshot {
        try read { db in
            let vendors = try db.rows(
                #"SELECT "id", "name", "parentId", "relationship", "tier" FROM "vendor" ORDER BY "name", "id""#
            ).map { row in
                AuditVendor(
                    id: try row[0], name: try row[1], parentId: try row[2],
                    relationship: try row[3] ?? .monitored, tier: try row[4])
            }
            let events = try AuditLoading.eventsByVendor(db)
            return AuditSnapshot(
                asOf: asOf, vendors: vendors, certifications: try AuditLoading.certifications(db, asOf: asOf),
                offers: try AuditLoading.offers(db, asOf: asOf), logVerification: LogVerification(entries: 0),
                logHead: try db.row(#"SELECT "seq", "hash" FROM "auditLog" ORDER BY "seq" DESC LIMIT 1"#)
                    .map { LogHead(seq: try $0[0], hash: try $0[1]) },
                eventCount: events.count,
                latestCheckpoint: try db.one(
                    LogCheckpoint.self, #"SELECT * FROM "logCheckpoint" ORDER BY "id" DESC LIMIT 1"#),
                reconciliation: try Self.reconcile(db, vendorId: nil, asOf: asOf, recordedBefore: nil)
                    .map(\.finding),
                acceptances: try db.all(RiskAcceptanceRecord.self, #"SELECT * FROM "riskAcceptance" ORDER BY "id""#)
                    .map { try $0.acceptance() },
                binaries: try AuditLoading.binaries(db, asOf: asOf),
                index: AffiliateIndex(vendors.lazy.map { (id: $0.id, name: $0.name, parentId: $0.parentId) }),
                eventsByVendor: events.byVendor)
        }
    }
}

/// The result of verifying the chain on another thread.
private final class ChainCheck: Sendable {
    private let outcome = Mutex<Result<LogVerification, StoreError>?>(nil)

    func finish(_ result: Result<LogVerification, StoreError>) { outcome.withLock { $0 = result } }

    func result() throws(StoreError) -> LogVerification {
        guard let result = outcome.withLock({ $0 }) else { throw StoreError.database("log verification did not run") }
        return try result.get()
    }
}

/// The set-based queries behind ``Store/auditSnapshot(asOf:)``.
enum AuditLoading {
    static func certifications(_ db: any SQLConnection, asOf: CalendarDate) throws -> [AuditCertification] {
        var statusOnDay: [Int64: CertificationStatus] = [:]
        try db.forEachRow(
            """
            SELECT "certificationId", "status" FROM "certificationStatusChange" WHERE "effectiveOn" <= ?
            ORDER BY "certificationId", "effectiveOn", "id"
            """, [asOf.sqlValue]
        ) { row in
            statusOnDay[try row[0]] = try row[1]
        }
        let x509 = Dictionary(
            try db.all(X509Details.self, #"SELECT * FROM "x509Certificate""#).map { ($0.certificationId, $0) },
            uniquingKeysWith: { first, _ in first })
        var result: [AuditCertification] = []
        // Sized once: growing by doubling held two copies of the largest array of the snapshot.
        result.reserveCapacity(try db.count(Certification.self))
        var schemes: [String: CertificationScheme] = [:]  // parsed once per scheme, not once per row
        try db.forEachRow(
            """
            SELECT "id", "vendorId", "scheme", "level", "number", "issuer", "issuedOn", "validUntil"
            FROM "certification" ORDER BY "id"
            """, []
        ) { row in
            let id: Int64 = try row[0]
            let schemeText: String = try row[2]
            guard let scheme = schemes[schemeText] ?? (try? CertificationScheme(schemeText)) else { return }
            schemes[schemeText] = scheme
            let issuedOn: CalendarDate? = try row[6]
            let validUntil: CalendarDate? = try row[7]
            // Before its first recorded change takes effect a certification is as registered: active.
            let status = statusOnDay[id] ?? .active
            result.append(
                AuditCertification(
                    id: id, vendorId: try row[1], scheme: scheme, level: try row[3], number: try row[4],
                    issuer: try row[5], issuedOn: issuedOn, validUntil: validUntil, status: status,
                    validity: Validity(status: status, issuedOn: issuedOn, validUntil: validUntil, on: asOf),
                    x509: x509[id]))
        }
        return result
    }

    /// Offers with their latest deposit by `asOf` and that deposit's runs by `asOf`.
    static func offers(_ db: any SQLConnection, asOf: CalendarDate) throws -> [AuditOffer] {
        // Timestamps are ISO 8601 UTC text: everything recorded on or before the day sorts before its end.
        let cutoff = Timestamp.end(of: asOf)
        var runs: [Int64: [AuditVerificationRun]] = [:]
        try db.forEachRow(
            """
            SELECT "id", "depositId", "verifiedAt", "outcome" FROM "escrowVerification" WHERE "verifiedAt" < ?
            ORDER BY "id"
            """, [cutoff.sqlValue]
        ) { row in
            guard let outcome: VerificationOutcome = try row[3] else { return }
            runs[try row[1], default: []].append(
                AuditVerificationRun(id: try row[0], on: day(of: try row[2]) ?? asOf, outcome: outcome))
        }
        var deposits: [Int64: (count: Int, latest: AuditDeposit)] = [:]
        try db.forEachRow(
            """
            SELECT "id", "offerId", "label", "depositedAt" FROM "escrowDeposit" WHERE "depositedAt" < ? ORDER BY "id"
            """, [cutoff.sqlValue]
        ) { row in
            let id: Int64 = try row[0]
            let offerId: Int64 = try row[1]
            let depositRuns = runs[id] ?? []
            let deposit = AuditDeposit(
                id: id, label: try row[2], depositedOn: day(of: try row[3]) ?? asOf, runs: depositRuns.count,
                lastRun: depositRuns.last, lastPassed: depositRuns.last { $0.outcome == .passed })
            deposits[offerId] = ((deposits[offerId]?.count ?? 0) + 1, deposit)
        }
        return try db.all(OfferRecord.self, #"SELECT * FROM "escrowOffer" ORDER BY "id""#).compactMap { offer in
            guard let id = offer.id else { return nil }
            let since = offer.offeredOn ?? day(of: offer.createdAt) ?? asOf
            return AuditOffer(
                id: id, vendorId: offer.vendorId, kind: offer.kind, agent: offer.agent, since: since,
                deposits: deposits[id]?.count ?? 0, latestDeposit: deposits[id]?.latest)
        }
    }

    /// Every market-access event by vendor, each vendor's oldest first, and how many there are: grouped as they are
    /// read, never held in one array as well.
    static func eventsByVendor(_ db: any SQLConnection) throws
        -> (byVendor: [Int64: [MarketEventRecord]], count: Int)
    {
        var byVendor: [Int64: [MarketEventRecord]] = [:]
        var count = 0
        try db.forEachRow(#"SELECT * FROM "marketEvent" ORDER BY "id""#, []) { row in
            let event = try MarketEventRecord(eventRow: row)
            byVendor[event.vendorId, default: []].append(event)
            count += 1
        }
        return (byVendor, count)
    }

    /// The UTC day of an ISO 8601 timestamp.
    static func day(of timestamp: String?) -> CalendarDate? {
        timestamp.flatMap { try? CalendarDate(iso: String($0.prefix(10))) }
    }
}
