/// An escrow offer still without a deposit after the policy's allowance.
public struct EscrowDepositOverdueRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.escrowDepositOverdue] }

    public func findings(in context: AuditContext) -> [Finding] {
        let allowance = context.policy.escrow.depositAllowanceDays
        return context.snapshot.offers.compactMap { offer in
            let waited = offer.since.days(until: context.asOf)
            guard offer.deposits == 0, waited > allowance else { return nil }
            return context.finding(
                .escrowDepositOverdue, key: "offer-\(offer.id)", vendor: offer.vendorId, subject: offer.subject,
                message: "\(offer.subject) has no deposit \(waited) days after \(offer.since) "
                    + "(allowance \(allowance) days).",
                records: [RecordReference("escrowOffer", offer.id)])
        }
    }
}
