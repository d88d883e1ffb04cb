import AssayCore
import Foundation
import GRDB

/// The binary-equivalence records as the audit sees them on its day: artefacts with whether any expectation
/// covers them and their latest verdict, evidence refused for invalid signatures, and each deposit's latest
/// rebuild.
public struct AuditBinaries: Sendable, Equatable {
    public var artifacts: [AuditArtifact]
    public var rejectedEvidence: [AuditRejectedEvidence]
    /// The latest rebuild of each deposit that was rebuilt.
    public var latestRebuilds: [AuditRebuild]

    /// No records.
    public static let none = AuditBinaries(artifacts: [], rejectedEvidence: [], latestRebuilds: [])
}

/// An artefact, whether an expectation of its vendor's deposits names it, and its latest verdict.
public struct AuditArtifact: Sendable, Equatable {
    public var id: Int64
    public var vendorId: Int64
    public var name: String
    /// True when an expectation of the vendor's deposits has its SHA-256, its file name or its content digest.
    public var expected: Bool
    public var latestVerdict: AuditVerdict?
}

/// The latest verdict on an artefact.
public struct AuditVerdict: Sendable, Equatable {
    public var verificationId: Int64
    public var on: CalendarDate
    public var verdict: BinaryVerdict
    public var differingMembers: [String]
}

/// Evidence refused because its signature did not verify.
public struct AuditRejectedEvidence: Sendable, Equatable {
    public var id: Int64
    public var depositId: Int64
    public var vendorId: Int64
    public var reason: String
    public var on: CalendarDate
}

/// A deposit's latest rebuild.
public struct AuditRebuild: Sendable, Equatable {
    public var id: Int64
    public var depositId: Int64
    public var vendorId: Int64
    public var reproducible: Reproducibility
    public var differingArtifacts: [String]
    public var on: CalendarDate
}

extension AuditLoading {
    /// The binary-equivalence records made by the end of `asOf`.
    static func binaries(_ db: Database, asOf: CalendarDate) throws -> AuditBinaries {
        let cutoff = Timestamp.end(of: asOf)
        let depositVendor = Dictionary(
            try Row.fetchAll(
                db, sql: "SELECT d.id, o.vendorId FROM escrowDeposit d JOIN escrowOffer o ON o.id = d.offerId"
            ).map { (row: Row) -> (Int64, Int64) in (row[0], row[1]) }, uniquingKeysWith: { first, _ in first })
        var covered: [Int64: (sha: Set<String>, names: Set<String>, contents: Set<String>)] = [:]
        for expectation in try ExpectationRecord.filter(Column("recordedAt") < cutoff).fetchAll(db) {
            guard let vendorId = depositVendor[expectation.depositId] else { continue }
            var sets = covered[vendorId] ?? ([], [], [])
            if let sha = expectation.subjectSha256 { sets.sha.insert(sha) }
            sets.names.insert((expectation.subjectName as NSString).lastPathComponent)
            if let content = expectation.contentDigest { sets.contents.insert(content) }
            covered[vendorId] = sets
        }
        var verdicts: [Int64: AuditVerdict] = [:]
        let verdictRows = try Row.fetchCursor(
            db,
            sql: """
                SELECT v.artifactId, r.id, r.verifiedAt, v.verdict, v.differingMembers
                FROM artifactVerdict v JOIN artifactVerification r ON r.id = v.verificationId
                WHERE r.verifiedAt < ? ORDER BY v.id
                """, arguments: [cutoff])
        while let row = try verdictRows.next() {
            guard let verdict = BinaryVerdict(rawValue: row[3]) else { continue }
            let members: String = row[4]
            verdicts[row[0]] = AuditVerdict(
                verificationId: row[1], on: day(of: row[2]) ?? asOf, verdict: verdict,
                differingMembers: (try? JSONDecoder().decode([String].self, from: Data(members.utf8))) ?? [])
        }
        let artifacts = try ArtifactRecord.filter(Column("addedAt") < cutoff).order(ArtifactRecord.Columns.id)
            .fetchAll(db).compactMap { record -> AuditArtifact? in
                guard let id = record.id else { return nil }
                let sets = covered[record.vendorId]
                let expected =
                    sets.map {
                        $0.sha.contains(record.sha256) || $0.names.contains(record.name)
                            || record.contentDigest.map($0.contents.contains) == true
                    } ?? false
                return AuditArtifact(
                    id: id, vendorId: record.vendorId, name: record.name, expected: expected,
                    latestVerdict: verdicts[id])
            }
        let rejected = try RejectedEvidenceRecord.filter(Column("rejectedAt") < cutoff).order(Column("id"))
            .fetchAll(db).compactMap { record -> AuditRejectedEvidence? in
                guard let id = record.id, let vendorId = depositVendor[record.depositId] else { return nil }
                return AuditRejectedEvidence(
                    id: id, depositId: record.depositId, vendorId: vendorId, reason: record.reason,
                    on: day(of: record.rejectedAt) ?? asOf)
            }
        var rebuilds: [Int64: AuditRebuild] = [:]
        for run in try RebuildRunRecord.filter(Column("recordedAt") < cutoff).order(Column("id")).fetchAll(db) {
            guard let id = run.id, let vendorId = depositVendor[run.depositId] else { continue }
            rebuilds[run.depositId] = AuditRebuild(
                id: id, depositId: run.depositId, vendorId: vendorId, reproducible: run.reproducible,
                differingArtifacts: run.differingArtifacts, on: day(of: run.recordedAt) ?? asOf)
        }
        return AuditBinaries(
            artifacts: artifacts, rejectedEvidence: rejected,
            latestRebuilds: rebuilds.values.sorted { $0.depositId < $1.depositId })
    }
}
