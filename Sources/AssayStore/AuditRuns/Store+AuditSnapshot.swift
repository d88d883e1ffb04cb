import AssayCore
import Foundation
import GRDB
import Synchronization

extension Store {
    /// Reads everything an audit needs as of a day, in one read transaction and a few set-based queries (one
    /// per table, never one per vendor), and verifies the audit log's chain up to the head that snapshot saw;
    /// `progress` is told how many of the log's entries have been verified.
    public func auditSnapshot(asOf: CalendarDate, progress: ProgressHandler? = nil) throws(StoreError)
        -> AuditSnapshot
    {
        // The chain, the slowest part to check, is verified on a second connection while this one reads the
        // records (WAL readers run side by side): two threads, no more.
        let chain = ChainCheck()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { [self] in
            chain.finish(Result { () throws(StoreError) in try verifyLog(progress: progress) })
        }
        var snapshot = try readSnapshot(asOf: asOf)
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
        return snapshot
    }

    private func readSnapshot(asOf: CalendarDate) throws(StoreError) -> AuditSnapshot {
        try read { db in
            let vendors = try Row.fetchAll(
                db, sql: "SELECT id, name, parentId, relationship, tier FROM vendor ORDER BY name, id"
            ).map { row in
                AuditVendor(
                    id: row[0], name: row[1], parentId: row[2], relationship: row[3] ?? .monitored, tier: row[4])
            }
            let events = try MarketEventRecord.order(MarketEventRecord.Columns.id).fetchAll(db)
            return AuditSnapshot(
                asOf: asOf, vendors: vendors, certifications: try AuditLoading.certifications(db, asOf: asOf),
                offers: try AuditLoading.offers(db, asOf: asOf), logVerification: LogVerification(entries: 0),
                logHead: try Row.fetchOne(db, sql: "SELECT seq, hash FROM auditLog ORDER BY seq DESC LIMIT 1")
                    .map { LogHead(seq: $0[0], hash: $0[1]) },
                eventCount: events.count,
                latestCheckpoint: try LogCheckpoint.order(Column("id").desc).fetchOne(db),
                reconciliation: try Self.reconcile(db, vendorId: nil, asOf: asOf, recordedBefore: nil).map(\.finding),
                acceptances: try RiskAcceptanceRecord.order(RiskAcceptanceRecord.Columns.id).fetchAll(db)
                    .map { try $0.acceptance() },
                binaries: try AuditLoading.binaries(db, asOf: asOf),
                index: AffiliateIndex(vendors.lazy.map { (id: $0.id, name: $0.name, parentId: $0.parentId) }),
                eventsByVendor: Dictionary(grouping: events, by: \.vendorId))
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
    static func certifications(_ db: Database, asOf: CalendarDate) throws -> [AuditCertification] {
        var statusOnDay: [Int64: CertificationStatus] = [:]
        let changes = try Row.fetchCursor(
            db,
            sql: """
                SELECT certificationId, status FROM certificationStatusChange WHERE effectiveOn <= ?
                ORDER BY certificationId, effectiveOn, id
                """, arguments: [asOf])
        while let row = try changes.next() {
            statusOnDay[row[0]] = row[1]
        }
        let x509 = Dictionary(
            try X509Details.fetchAll(db).map { ($0.certificationId, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [AuditCertification] = []
        // Sized once: growing by doubling held two copies of the largest array of the snapshot.
        result.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM certification") ?? 0)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, vendorId, scheme, level, number, issuer, issuedOn, validUntil
                FROM certification ORDER BY id
                """)
        var schemes: [String: CertificationScheme] = [:]  // parsed once per scheme, not once per row
        while let row = try rows.next() {
            let id: Int64 = row[0]
            let schemeText: String = row[2]
            guard let scheme = schemes[schemeText] ?? (try? CertificationScheme(schemeText)) else { continue }
            schemes[schemeText] = scheme
            let issuedOn: CalendarDate? = row[6]
            let validUntil: CalendarDate? = row[7]
            // Before its first recorded change takes effect a certification is as registered: active.
            let status = statusOnDay[id] ?? .active
            result.append(
                AuditCertification(
                    id: id, vendorId: row[1], scheme: scheme, level: row[3], number: row[4], issuer: row[5],
                    issuedOn: issuedOn, validUntil: validUntil, status: status,
                    validity: Validity(status: status, issuedOn: issuedOn, validUntil: validUntil, on: asOf),
                    x509: x509[id]))
        }
        return result
    }

    /// Offers with their latest deposit by `asOf` and that deposit's runs by `asOf`.
    static func offers(_ db: Database, asOf: CalendarDate) throws -> [AuditOffer] {
        // Timestamps are ISO 8601 UTC text: everything recorded on or before the day sorts before its end.
        let cutoff = Timestamp.end(of: asOf)
        var runs: [Int64: [AuditVerificationRun]] = [:]
        let runRows = try Row.fetchCursor(
            db,
            sql: "SELECT id, depositId, verifiedAt, outcome FROM escrowVerification WHERE verifiedAt < ? ORDER BY id",
            arguments: [cutoff])
        while let row = try runRows.next() {
            guard let outcome: VerificationOutcome = row[3] else { continue }
            runs[row[1], default: []].append(
                AuditVerificationRun(id: row[0], on: day(of: row[2]) ?? asOf, outcome: outcome))
        }
        var deposits: [Int64: (count: Int, latest: AuditDeposit)] = [:]
        let depositRows = try Row.fetchCursor(
            db, sql: "SELECT id, offerId, label, depositedAt FROM escrowDeposit WHERE depositedAt < ? ORDER BY id",
            arguments: [cutoff])
        while let row = try depositRows.next() {
            let id: Int64 = row[0]
            let offerId: Int64 = row[1]
            let depositRuns = runs[id] ?? []
            let deposit = AuditDeposit(
                id: id, label: row[2], depositedOn: day(of: row[3]) ?? asOf, runs: depositRuns.count,
                lastRun: depositRuns.last, lastPassed: depositRuns.last { $0.outcome == .passed })
            deposits[offerId] = ((deposits[offerId]?.count ?? 0) + 1, deposit)
        }
        return try OfferRecord.order(OfferRecord.Columns.id).fetchAll(db).compactMap { offer in
            guard let id = offer.id else { return nil }
            let since = offer.offeredOn ?? day(of: offer.createdAt) ?? asOf
            return AuditOffer(
                id: id, vendorId: offer.vendorId, kind: offer.kind, agent: offer.agent, since: since,
                deposits: deposits[id]?.count ?? 0, latestDeposit: deposits[id]?.latest)
        }
    }

    /// The UTC day of an ISO 8601 timestamp.
    static func day(of timestamp: String?) -> CalendarDate? {
        timestamp.flatMap { try? CalendarDate(iso: String($0.prefix(10))) }
    }
}
