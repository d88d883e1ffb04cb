import AssayCore
import Foundation

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
    static func binaries(_ db: any SQLConnection, asOf: CalendarDate) throws -> AuditBinaries {
        let cutoff = Timestamp.end(of: asOf)
        let depositVendor = Dictionary(
            try db.rows(
                #"SELECT d."id", o."vendorId" FROM "escrowDeposit" d JOIN "escrowOffer" o ON o."id" = d."offerId""#
            ).map { (row: SQLRow) -> (Int64, Int64) in (try row[0], try row[1]) },
            uniquingKeysWith: { first, _ in first })
        var covered: [Int64: (sha: Set<String>, names: Set<String>, contents: Set<String>)] = [:]
        let expectations = try db.all(
            ExpectationRecord.self, #"SELECT * FROM "expectation" WHERE "recordedAt" < ?"#, [cutoff])
        for expectation in expectations {
            guard let vendorId = depositVendor[expectation.depositId] else { continue }
            var sets = covered[vendorId] ?? ([], [], [])
            if let sha = expectation.subjectSha256 { sets.sha.insert(sha) }
            sets.names.insert((expectation.subjectName as NSString).lastPathComponent)
            if let content = expectation.contentDigest { sets.contents.insert(content) }
            covered[vendorId] = sets
        }
        var verdicts: [Int64: AuditVerdict] = [:]
        try db.forEachRow(
            """
            SELECT v."artifactId", r."id", r."verifiedAt", v."verdict", v."differingMembers"
            FROM "artifactVerdict" v JOIN "artifactVerification" r ON r."id" = v."verificationId"
            WHERE r."verifiedAt" < ? ORDER BY v."id"
            """, [cutoff.sqlValue]
        ) { row in
            guard let verdict = BinaryVerdict(rawValue: try row[3]) else { return }
            let members: String = try row[4]
            verdicts[try row[0]] = AuditVerdict(
                verificationId: try row[1], on: day(of: try row[2]) ?? asOf, verdict: verdict,
                differingMembers: (try? JSONDecoder().decode([String].self, from: Data(members.utf8))) ?? [])
        }
        let artifacts = try db.all(
            ArtifactRecord.self, #"SELECT * FROM "artifact" WHERE "addedAt" < ? ORDER BY "id""#, [cutoff]
        ).compactMap { record -> AuditArtifact? in
            guard let id = record.id else { return nil }
            let sets = covered[record.vendorId]
            let expected =
                sets.map {
                    $0.sha.contains(record.sha256) || $0.names.contains(record.name)
                        || record.contentDigest.map($0.contents.contains) == true
                } ?? false
            return AuditArtifact(
                id: id, vendorId: record.vendorId, name: record.name, expected: expected, latestVerdict: verdicts[id])
        }
        let rejected = try db.all(
            RejectedEvidenceRecord.self, #"SELECT * FROM "rejectedEvidence" WHERE "rejectedAt" < ? ORDER BY "id""#,
            [cutoff]
        ).compactMap { record -> AuditRejectedEvidence? in
            guard let id = record.id, let vendorId = depositVendor[record.depositId] else { return nil }
            return AuditRejectedEvidence(
                id: id, depositId: record.depositId, vendorId: vendorId, reason: record.reason,
                on: day(of: record.rejectedAt) ?? asOf)
        }
        var rebuilds: [Int64: AuditRebuild] = [:]
        let runs = try db.all(
            RebuildRunRecord.self, #"SELECT * FROM "rebuildRun" WHERE "recordedAt" < ? ORDER BY "id""#, [cutoff])
        for run in runs {
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
