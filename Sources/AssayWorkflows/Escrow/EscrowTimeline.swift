public import AssayStore

/// `escrow history`: a vendor's (or one offer's) offers, deposits and verification runs, in time order.
public enum EscrowTimeline {
    /// One line of the timeline.
    public struct Event: Codable, Sendable, Equatable {
        /// When: the offer's date (else when it was recorded), the deposit's or the run's time.
        public var at: String
        /// `offer`, `deposit` or `verification`.
        public var kind: String
        /// The record's id.
        public var id: Int64
        /// What happened, in a few words.
        public var detail: String
    }

    /// The events of offer `offer` when given, else of every offer of `vendor` (name, alias or id; `nil` for
    /// every vendor), sorted by time.
    public static func events(vendor: String?, offer: Int64? = nil, in store: Store) throws -> [Event] {
        let offers = try offer.map { [try store.escrowOffer($0)] } ?? store.escrowOffers(vendor: vendor)
        var events: [Event] = []
        for item in offers {
            events.append(
                Event(
                    at: item.offeredOn?.description ?? item.createdAt, kind: "offer", id: item.id,
                    detail: "\(item.vendor.name): \(item.kind.rawValue)" + (item.agent.map { " via \($0)" } ?? "")))
            for deposit in try store.escrowDeposits(offer: item.id) {
                events.append(
                    Event(
                        at: deposit.depositedAt, kind: "deposit", id: deposit.id,
                        detail: "\(deposit.label ?? "unlabelled"): \(deposit.files) files, "
                            + "\(deposit.bytes) bytes, bundle \(deposit.bundleDigest.prefix(16))…"))
                for run in try store.verifications(deposit: deposit.id) {
                    events.append(
                        Event(
                            at: run.verifiedAt, kind: "verification", id: run.id,
                            detail: "deposit #\(deposit.id) \(run.outcome.rawValue) by \(run.actor)"
                                + (run.error.map { ": \($0)" } ?? "")))
                }
            }
        }
        events.sort { $0.at < $1.at }
        return events
    }
}
