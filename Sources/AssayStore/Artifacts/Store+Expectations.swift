import AssayBundle
import AssayCore
import AssayProvenance
import Foundation

extension Store {
    /// Records what evidence says a deposit should build: one expectation per subject of each claim, with the
    /// claim's kind, strength and signer, and whether its sources are in the deposit (``SourceLink``).
    ///
    /// Every file of `paths` is kept beside the database (an in-toto layout's links with the layout); each claim's
    /// evidence is the file whose SHA-256 is the claim's ``ProvenanceClaim/fileSha256``. The change is logged as
    /// `escrow.expect`. A subject already expected of the deposit on the same evidence by an earlier call is not
    /// recorded again: it is returned as it is, and `alreadyRecorded` is true when nothing was new.
    @discardableResult
    public func recordExpectations(deposit depositId: Int64, claims: [ProvenanceClaim], evidenceFiles paths: [String])
        throws(StoreError) -> (expectations: [Expectation], alreadyRecorded: Bool)
    {
        let blobs = StoredBlobs(location)
        var kept: [StoredBlobs.Pending] = []
        for path in paths { kept.append(try blobs.keep(fileAt: path, role: "evidence")) }
        guard claims.allSatisfy({ $0.kind != .rebuild }) else {
            throw StoreError.refused("expectations of kind rebuild come from 'escrow rebuild' only")
        }
        if let claim = claims.first(where: { claim in !kept.contains { $0.sha256 == claim.fileSha256 } }) {
            throw StoreError.refused(
                "the evidence a claim was read from (sha256 \(claim.fileSha256.prefix(16))) is not among "
                    + "\(kept.map(\.originalName).joined(separator: ", ")) as kept: did a file change while read?")
        }
        guard claims.contains(where: { !$0.subjects.isEmpty }) else {
            throw StoreError.refused(
                "\(kept.map(\.originalName).joined(separator: ", ")): the evidence names no binary (no subjects)")
        }
        return try write { db, log in
            let deposit = try Self.depositRecord(db, depositId)
            let linking = SourceLinking(manifest: try Self.manifest(db, depositId), bundleDigest: deposit.bundleDigest)
            let evidence = Set(claims.map(\.fileSha256)).sorted()
            let previous = try db.all(
                ExpectationRecord.self,
                "SELECT * FROM \"expectation\" WHERE \"depositId\" = ? AND \"evidenceSha256\" IN ("
                    + SQL.placeholders(evidence.count) + ") ORDER BY \"id\"", [depositId] + evidence)
            var all: [Expectation] = []
            var recorded: [Expectation] = []
            for claim in claims {
                for subject in claim.subjects {
                    if let existing = previous.first(where: {
                        $0.evidenceSha256 == claim.fileSha256 && $0.subjectName == subject.name
                            && $0.subjectSha256 == subject.sha256
                    }) {
                        all.append(try Self.expectation(existing))
                        continue
                    }
                    if recorded.isEmpty { for pending in kept { try StoredBlobs.list(pending, db) } }
                    var record = ExpectationRecord(
                        depositId: depositId, subjectName: subject.name, subjectSha256: subject.sha256,
                        subjectDigests: subject.digests, kind: claim.kind, evidenceSha256: claim.fileSha256,
                        signer: claim.signer, strength: claim.strength, sourceLink: linking.link(claim.sources),
                        sources: claim.sources, builder: claim.builder, remarks: claim.remarks,
                        recordedAt: Timestamp.now())
                    try db.insert(&record)
                    recorded.append(try Self.expectation(record))
                    all.append(recorded[recorded.count - 1])
                }
            }
            guard !recorded.isEmpty else { return (all, true) }
            let vendorId = try Self.offerRecord(db, deposit.offerId).vendorId
            try log.append(
                db, action: "escrow.expect", entity: "escrowDeposit", entityId: depositId, vendorId: vendorId,
                change: Change<[Expectation]>(after: recorded))
            return (all, false)
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
            try db.insert(&record)
            let rejected = try Self.rejected(record)
            try log.append(
                db, action: "escrow.expect-rejected", entity: "rejectedEvidence", entityId: rejected.id,
                vendorId: try Self.offerRecord(db, deposit.offerId).vendorId,
                change: Change(after: rejected))
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
            let records =
                if let depositId {
                    try db.all(
                        RejectedEvidenceRecord.self,
                        "SELECT * FROM \"rejectedEvidence\" WHERE \"depositId\" = ? ORDER BY \"id\"", [depositId])
                } else {
                    try db.all(RejectedEvidenceRecord.self, "SELECT * FROM \"rejectedEvidence\" ORDER BY \"id\"")
                }
            return try records.map(Self.rejected)
        }
    }

    static func expectations(_ db: any SQLConnection, deposit depositId: Int64?) throws -> [Expectation] {
        let records =
            if let depositId {
                try db.all(
                    ExpectationRecord.self,
                    "SELECT * FROM \"expectation\" WHERE \"depositId\" = ? ORDER BY \"id\"", [depositId])
            } else {
                try db.all(ExpectationRecord.self, "SELECT * FROM \"expectation\" ORDER BY \"id\"")
            }
        return try records.map(expectation)
    }

    static func manifest(_ db: any SQLConnection, _ depositId: Int64) throws -> AssayBundle.Manifest {
        let body = try ManifestRecord.storedBody(db, depositId: depositId) ?? []
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
