import AssayCore
import Foundation

extension Store {
    /// Records one `artifact verify` run with a verdict per artefact; diffoscope reports are kept beside the
    /// database. Logged as `artifact.verify`.
    public func recordVerification(_ draft: ArtifactVerificationDraft) throws(StoreError) -> ArtifactVerification {
        let blobs = StoredBlobs(location)
        let reports = try draft.entries.map { entry throws(StoreError) in
            try entry.diffoscopeReport.map { report throws(StoreError) in
                try blobs.keep(
                    bytes: Array(report.utf8), name: "diffoscope-artifact-\(entry.artifactId).json", role: "diffoscope")
            }
        }
        return try write { db, log in
            let passed = draft.entries.allSatisfy(\.verdict.passes) && draft.rejectedEvidence.isEmpty
            var run = ArtifactVerificationRecord(
                verifiedAt: Timestamp.now(), actor: actor, scope: draft.scope, passed: passed,
                diffoscope: draft.diffoscope, toolVersion: AssayVersion.current)
            try db.insert(&run)
            guard let runId = run.id else { throw StoreError.database("verification row without id") }
            for (entry, report) in zip(draft.entries, reports) {
                _ = try Self.artifactRecord(db, entry.artifactId)
                var row = ArtifactVerdictRecord(
                    verificationId: runId, artifactId: entry.artifactId, verdict: entry.verdict,
                    expectationId: entry.expectationId, differingMembers: entry.differingMembers,
                    diffoscopeSha256: try report.map { try StoredBlobs.list($0, db) },
                    diffoscopeSummary: entry.diffoscopeSummary)
                try db.insert(&row)
            }
            let recorded = try Self.artifactVerification(db, run, rejected: draft.rejectedEvidence)
            try log.append(
                db, action: "artifact.verify", entity: "artifactVerification", entityId: runId, vendorId: nil,
                change: Change(after: recorded))
            return recorded
        }
    }

    /// Recorded `artifact verify` runs, oldest first (their rejected evidence is not repeated: see
    /// ``rejectedEvidence(deposit:)``).
    public func artifactVerifications() throws(StoreError) -> [ArtifactVerification] {
        try read { db in
            try db.all(ArtifactVerificationRecord.self, "SELECT * FROM \"artifactVerification\" ORDER BY \"id\"")
                .map { try Self.artifactVerification(db, $0, rejected: []) }
        }
    }

    static func artifactVerification(
        _ db: any SQLConnection, _ record: ArtifactVerificationRecord, rejected: [RejectedEvidence]
    ) throws -> ArtifactVerification {
        guard let id = record.id else { throw StoreError.database("verification row without id") }
        let rows = try db.all(
            ArtifactVerdictRecord.self,
            "SELECT * FROM \"artifactVerdict\" WHERE \"verificationId\" = ? ORDER BY \"id\"", [id])
        return ArtifactVerification(
            id: id, verifiedAt: record.verifiedAt, actor: record.actor, scope: record.scope, passed: record.passed,
            diffoscope: record.diffoscope, toolVersion: record.toolVersion,
            entries: try rows.map { row in
                ArtifactVerification.Entry(
                    artifact: try artifact(db, try artifactRecord(db, row.artifactId)), verdict: row.verdict,
                    expectation: try row.expectationId.flatMap { try db.find(ExpectationRecord.self, id: $0) }
                        .map(expectation),
                    differingMembers: row.differingMembers, diffoscopeSha256: row.diffoscopeSha256,
                    diffoscopeSummary: row.diffoscopeSummary)
            }, rejectedEvidence: rejected)
    }
}
