import AssayBundle
import AssayCore

extension Store {
    /// Records a verification run of a bundle against a deposit, logged as `escrow.verify`, whatever its outcome:
    /// a run that could not read the bundle is recorded as an `error` run with its reason.
    @discardableResult
    public func recordVerification(
        deposit depositId: Int64,
        bundlePath: String,
        outcome: VerificationOutcome,
        summary: VerificationReport.Summary?,
        error: String? = nil,
        signerKey: String? = nil
    ) throws(StoreError) -> EscrowVerification {
        try write { db, log in
            let deposit = try Self.depositRecord(db, depositId)
            let offer = try Self.offerRecord(db, deposit.offerId)
            var record = VerificationRecord(
                depositId: depositId, verifiedAt: Timestamp.now(), actor: log.actor, bundlePath: bundlePath,
                outcome: outcome, summary: summary, error: error,
                signerKeyId: try signerKey.map { try Self.keyId(db, fingerprint: $0) },
                toolVersion: AssayVersion.current
            )
            try db.insert(&record)
            let run = try Self.verification(db, record)
            try log.append(db, action: "escrow.verify", entity: "escrowVerification", entityId: run.id,
                           vendorId: offer.vendorId, change: Change<EscrowVerification>(after: run))
            return run
        }
    }

    /// Verification runs of a deposit, oldest first.
    public func verifications(deposit depositId: Int64) throws(StoreError) -> [EscrowVerification] {
        try read { db in
            _ = try Self.depositRecord(db, depositId)
            return try Self.verificationRecords(db, deposit: depositId).map { try Self.verification(db, $0) }
        }
    }

    /// A deposit's verification runs, oldest first.
    static func verificationRecords(_ db: any SQLConnection, deposit depositId: Int64) throws -> [VerificationRecord] {
        try db.all(
            VerificationRecord.self, #"SELECT * FROM "escrowVerification" WHERE "depositId" = ? ORDER BY "id""#,
            [depositId])
    }

    static func verification(_ db: any SQLConnection, _ record: VerificationRecord) throws -> EscrowVerification {
        guard let id = record.id else { throw StoreError.database("verification row without id") }
        return EscrowVerification(
            id: id, depositId: record.depositId, verifiedAt: record.verifiedAt, actor: record.actor,
            bundlePath: record.bundlePath, outcome: record.outcome, summary: record.summary, error: record.error,
            signerKey: try fingerprint(db, record.signerKeyId), toolVersion: record.toolVersion
        )
    }
}
