/// The last verification of the latest deposit under an offer failed or ended in error.
public struct EscrowVerificationFailedRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.escrowVerificationFailed] }

    public func findings(in context: AuditContext) -> [Finding] {
        context.snapshot.offers.compactMap { offer in
            guard let deposit = offer.latestDeposit, let run = deposit.lastRun, run.outcome != .passed else {
                return nil
            }
            return context.finding(
                .escrowVerificationFailed, key: "deposit-\(deposit.id)", vendor: offer.vendorId,
                subject: deposit.subject,
                message: "Verification #\(run.id) of \(deposit.subject) on \(run.on), the latest, "
                    + "\(run.outcome == .error ? "ended in error" : "failed").",
                records: [RecordReference("escrowDeposit", deposit.id), RecordReference("escrowVerification", run.id)])
        }
    }
}
