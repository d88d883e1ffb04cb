import AssayBundle
import AssayCore
import AssayProvenance
import Foundation
import GRDB

extension Store {
    /// Records what a piece of evidence says a deposit should build: one expectation per subject, each with the
    /// evidence's kind, strength and signer, and whether its sources are in the deposit (``SourceLink``). The
    /// evidence file is kept beside the database; the change is logged as `escrow.expect`. Evidence already
    /// recorded for the deposit (the same bytes) returns the existing expectations.
    @discardableResult
    public func recordExpectations(deposit depositId: Int64, claims: [ProvenanceClaim], evidenceFile path: String)
        throws(StoreError) -> (expectations: [Expectation], alreadyRecorded: Bool)
    {
        let evidence = try StoredBlobs(location).keep(fileAt: path, role: "evidence")
        guard claims.allSatisfy({ $0.kind != .rebuild }) else {
            throw StoreError.refused("expectations of kind rebuild come from 'escrow rebuild' only")
        }
        return try write { db, log in
            let deposit = try Self.depositRecord(db, depositId)
            let existing = try ExpectationRecord.filter(
                ExpectationRecord.Columns.depositId == depositId
                    && ExpectationRecord.Columns.evidenceSha256 == evidence.sha256
            ).order(ExpectationRecord.Columns.id).fetchAll(db)
            if !existing.isEmpty { return (try existing.map(Self.expectation), true) }
            let linking = SourceLinking(manifest: try Self.manifest(db, depositId), bundleDigest: deposit.bundleDigest)
            let sha256 = try StoredBlobs.list(evidence, db)
            var recorded: [Expectation] = []
            for claim in claims {
                let link = linking.link(claim.sources)
                for subject in claim.subjects {
                    var record = ExpectationRecord(
                        depositId: depositId, subjectName: subject.name, subjectSha256: subject.sha256,
                        subjectDigests: subject.digests, kind: claim.kind, evidenceSha256: sha256, signer: claim.signer,
                        strength: claim.strength, sourceLink: link, sources: claim.sources, builder: claim.builder,
                        remarks: claim.remarks, recordedAt: Timestamp.now())
                    try record.insert(db)
                    recorded.append(try Self.expectation(record))
                }
            }
            guard !recorded.isEmpty else {
                throw StoreError.refused("\(evidence.originalName): the evidence names no binary (no subjects)")
            }
            let vendorId = try Self.offerRecord(db, deposit.offerId).vendorId
            try log.append(
                db, action: "escrow.expect", entity: "escrowDeposit", entityId: depositId, vendorId: vendorId,
                change: Change<[Expectation]>(after: recorded))
            return (recorded, false)
        }
    }

    /// Keeps evidence whose signature did not verify, with the reason, logged as `escrow.expect-rejected`: no
    /// expectation comes of it, but the audit reports it.
    @discardableResult
    public func recordRejectedEvidence(
        deposit depositId: Int64, evidenceFile path: String, code: String, reason: String
    )
        throws(StoreError) -> RejectedEvidence
    {
        let evidence = try StoredBlobs(location).keep(fileAt: path, role: "evidence")
        return try write { db, log in
            let deposit = try Self.depositRecord(db, depositId)
            var record = RejectedEvidenceRecord(
                depositId: depositId, evidenceSha256: try StoredBlobs.list(evidence, db), code: code, reason: reason,
                rejectedAt: Timestamp.now())
            try record.insert(db)
            let rejected = try Self.rejected(record)
            try log.append(
                db, action: "escrow.expect-rejected", entity: "rejectedEvidence", entityId: rejected.id,
                vendorId: try Self.offerRecord(db, deposit.offerId).vendorId, change: Change(after: rejected))
            return rejected
        }
    }

    /// A deposit's expectations, oldest first; every deposit's when `nil`.
    public func expectations(deposit depositId: Int64? = nil) throws(StoreError) -> [Expectation] {
        try read { db in
            if let depositId { _ = try Self.depositRecord(db, depositId) }
            return try Self.expectations(db, deposit: depositId)
        }
    }

    /// Evidence refused for a deposit (every deposit's when `nil`), oldest first.
    public func rejectedEvidence(deposit depositId: Int64? = nil) throws(StoreError) -> [RejectedEvidence] {
        try read { db in
            var request = RejectedEvidenceRecord.order(Column("id"))
            if let depositId { request = request.filter(RejectedEvidenceRecord.Columns.depositId == depositId) }
            return try request.fetchAll(db).map(Self.rejected)
        }
    }

    static func expectations(_ db: Database, deposit depositId: Int64?) throws -> [Expectation] {
        var request = ExpectationRecord.order(ExpectationRecord.Columns.id)
        if let depositId { request = request.filter(ExpectationRecord.Columns.depositId == depositId) }
        return try request.fetchAll(db).map(expectation)
    }

    static func manifest(_ db: Database, _ depositId: Int64) throws -> AssayBundle.Manifest {
        let body = try ManifestRecord.fetchOne(db, key: depositId)?.body ?? []
        return try PackageContent.manifest(body, name: "deposit #\(depositId) manifest")
    }

    static func expectation(_ record: ExpectationRecord) throws -> Expectation {
        guard let id = record.id else { throw StoreError.database("expectation row without id") }
        return Expectation(
            id: id, depositId: record.depositId, subjectName: record.subjectName, subjectSha256: record.subjectSha256,
            subjectDigests: record.subjectDigests, contentDigest: record.contentDigest,
            contentManifestSha256: record.contentManifestSha256, kind: record.kind,
            evidenceSha256: record.evidenceSha256, signer: record.signer, strength: record.strength,
            sourceLink: record.sourceLink, sources: record.sources, builder: record.builder, remarks: record.remarks,
            rebuildRunId: record.rebuildRunId, recordedAt: record.recordedAt)
    }

    static func rejected(_ record: RejectedEvidenceRecord) throws -> RejectedEvidence {
        guard let id = record.id else { throw StoreError.database("rejected evidence row without id") }
        return RejectedEvidence(
            id: id, depositId: record.depositId, evidenceSha256: record.evidenceSha256, code: record.code,
            reason: record.reason, rejectedAt: record.rejectedAt)
    }
}
