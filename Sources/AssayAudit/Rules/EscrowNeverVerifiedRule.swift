/// The latest deposit under an offer has never been verified.
public struct EscrowNeverVerifiedRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.escrowNeverVerified] }

    public func findings(in context: AuditContext) -> [Finding] {
        context.snapshot.offers.compactMap { offer in
            guard let deposit = offer.latestDeposit, deposit.runs == 0 else { return nil }
            return context.finding(
                .escrowNeverVerified, key: "deposit-\(deposit.id)", vendor: offer.vendorId,
                subject: deposit.subject,
                message: "\(deposit.subject) under \(offer.subject), deposited on \(deposit.depositedOn), "
                    + "has never been verified.",
                records: [RecordReference("escrowOffer", offer.id), RecordReference("escrowDeposit", deposit.id)])
        }
    }
}
