/// The last successful verification of the latest deposit under an offer is older than the policy allows.
public struct EscrowVerificationStaleRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.escrowVerificationStale] }

    public func findings(in context: AuditContext) -> [Finding] {
        let maximum = context.policy.escrow.maxVerificationAgeDays
        return context.snapshot.offers.compactMap { offer in
            guard let deposit = offer.latestDeposit, let passed = deposit.lastPassed else { return nil }
            let age = passed.on.days(until: context.asOf)
            guard age > maximum else { return nil }
            return context.finding(
                .escrowVerificationStale, key: "deposit-\(deposit.id)", vendor: offer.vendorId,
                subject: deposit.subject,
                message: "\(deposit.subject) last verified successfully on \(passed.on), \(age) days ago "
                    + "(maximum \(maximum) days).",
                records: [
                    RecordReference("escrowDeposit", deposit.id), RecordReference("escrowVerification", passed.id),
                ])
        }
    }
}
