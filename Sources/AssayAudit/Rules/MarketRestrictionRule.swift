import AssayCore
import AssayStore

/// A market-access restriction in force (certainly or possibly) on the audit day, in a jurisdiction of
/// interest, naming the vendor, an ancestor (when it extends to affiliates) or an affiliate — with the path.
public struct MarketRestrictionRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.marketRestriction] }

    public func findings(in context: AuditContext) -> [Finding] {
        guard context.snapshot.eventCount > 0 else { return [] }
        return context.snapshot.vendors.flatMap { vendor in
            context.snapshot.events(bearingOn: vendor.id).compactMap { hit -> Finding? in
                let event = hit.event
                guard event.type.isRestriction, context.policy.concerns(event.jurisdiction) else { return nil }
                let inForce = event.window.inForce(on: context.asOf)
                guard inForce != .no else { return nil }
                return context.finding(
                    .marketRestriction, key: "vendor-\(vendor.id)-event-\(event.id)", vendor: vendor.id,
                    subject: "\(event.jurisdiction) \(event.type.label) (event #\(event.id))",
                    message: message(event, hit: hit, certain: inForce == .yes, day: context.asOf),
                    records: [RecordReference("marketEvent", event.id)], path: hit.path)
            }
        }
    }

    private func message(_ event: AuditEvent, hit: AuditEventHit, certain: Bool, day: CalendarDate) -> String {
        let by = event.authority.map { " by \($0)" } ?? ""
        let program = event.program.map { " (\($0))" } ?? ""
        let path = (hit.path ?? []).joined(separator: " → ")
        let how: String
        switch hit.relation {
        case .own: how = ""
        case .inherited: how = " (inherited via \(path))"
        case .affiliate: how = " (affecting an affiliate: \(path))"
        }
        let certainty = certain ? "in force" : "possibly in force"
        return
            "\(event.jurisdiction.code) \(event.type.label)\(by)\(program) since \(event.effectiveFrom ?? event.announcedOn) "
            + "is \(certainty) on \(day)\(how)."
    }
}
