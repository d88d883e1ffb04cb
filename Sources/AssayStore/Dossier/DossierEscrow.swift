import AssayCore

/// The escrow part of a dossier: the vendor's offers, deposits and verification runs, on the timeline and as they
/// stood on the dossier's day. An offer counts from its offer date (else the day it was recorded) once recorded
/// by the knowledge cut-off; deposits and runs, whose times are when they were recorded, count when they fall on
/// or before the day and before the cut-off.
enum DossierEscrow {
    struct Result {
        var entries: [DossierEntry] = []
        var offers: [DossierEscrowOffer] = []
    }

    /// `recordedBefore` is the first instant whose records do not count (text compared with record times).
    static func build(
        _ db: any SQLConnection, vendorId: Int64, asOf: CalendarDate, recordedBefore cutoff: String
    ) throws -> Result {
        let lastDay = asOf.description
        func counts(_ timestamp: String) -> Bool { timestamp < cutoff && timestamp.prefix(10) <= lastDay }
        var result = Result()
        let offers = try db.all(
            OfferRecord.self, #"SELECT * FROM "escrowOffer" WHERE "vendorId" = ? ORDER BY "id""#, [vendorId])
        for offer in offers where offer.createdAt < cutoff {
            let offeredOn = try offer.offeredOn ?? Timestamp.day(of: offer.createdAt)
            guard offeredOn <= asOf else { continue }
            guard let offerId = offer.id else { throw StoreError.database("offer row without id") }
            let via = offer.agent.map { " via \($0)" } ?? ""
            result.entries.append(
                DossierEntry(
                    date: PartialDate(offeredOn), kind: .escrowOffer,
                    title: "Escrow offer #\(offerId): \(offer.kind.rawValue)\(via)",
                    escrow: DossierEscrowReference(offerId: offerId)))
            var deposits: [DossierEscrowDeposit] = []
            let rows = try db.all(
                DepositRecord.self, #"SELECT * FROM "escrowDeposit" WHERE "offerId" = ? ORDER BY "id""#, [offerId])
            for deposit in rows where counts(deposit.depositedAt) {
                guard let depositId = deposit.id else { throw StoreError.database("deposit row without id") }
                result.entries.append(
                    DossierEntry(
                        date: PartialDate(try Timestamp.day(of: deposit.depositedAt)), kind: .escrowDeposit,
                        title: "Escrow deposit #\(depositId) (\(deposit.label ?? "unlabelled")) under offer "
                            + "#\(offerId): \(deposit.files) files, \(deposit.bytes) bytes, bundle "
                            + "\(deposit.bundleDigest.prefix(16))…",
                        escrow: DossierEscrowReference(offerId: offerId, depositId: depositId)))
                let runs = try Store.verificationRecords(db, deposit: depositId).filter { counts($0.verifiedAt) }
                for run in runs {
                    guard let runId = run.id else { throw StoreError.database("verification row without id") }
                    result.entries.append(
                        DossierEntry(
                            date: PartialDate(try Timestamp.day(of: run.verifiedAt)), kind: .escrowVerification,
                            title: "Escrow verification #\(runId) of deposit #\(depositId): \(run.outcome.rawValue)"
                                + (run.error.map { ": \($0)" } ?? ""),
                            escrow: DossierEscrowReference(
                                offerId: offerId, depositId: depositId, verificationId: runId, outcome: run.outcome)))
                }
                deposits.append(
                    DossierEscrowDeposit(
                        id: depositId, label: deposit.label, depositedAt: deposit.depositedAt,
                        bundleDigest: deposit.bundleDigest, files: deposit.files, bytes: deposit.bytes,
                        verificationRuns: runs.count,
                        lastVerification: try runs.last.map { run in
                            guard let runId = run.id else { throw StoreError.database("verification row without id") }
                            return DossierEscrowVerification(
                                id: runId, verifiedAt: run.verifiedAt, outcome: run.outcome, error: run.error)
                        }))
            }
            result.offers.append(
                DossierEscrowOffer(
                    id: offerId, kind: offer.kind, agent: offer.agent, terms: offer.terms, offeredOn: offer.offeredOn,
                    deposits: deposits))
        }
        return result
    }
}
