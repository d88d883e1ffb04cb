/// What kind of thing a government, regulator or vendor did that bears on whether a vendor can be used.
public enum MarketEventType: String, CaseIterable, Codable, Sendable {
    case entityListListing = "entity-list-listing"
    case sanctionsListing = "sanctions-listing"
    case equipmentAuthorizationBan = "equipment-authorization-ban"
    case procurementBan = "procurement-ban"
    case highRiskVendorRestriction = "high-risk-vendor-restriction"
    case marketExit = "market-exit"
    case marketEntry = "market-entry"
    case investigation
    case scandal = "scandal-or-allegation"
    case fineOrSettlement = "fine-or-settlement"
    case delisting = "delisting-or-lifting"

    /// Parses a type typed by a user or read from a file (case-insensitive).
    public init(parsing text: String) throws(ValueError) {
        guard let value = MarketEventType(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw ValueError.invalidEnumValue(field: "type", value: text, allowed: Self.allCases.map(\.rawValue))
        }
        self = value
    }

    /// True for events that restrict buying or using the vendor's products while in force.
    public var isRestriction: Bool {
        switch self {
        case .entityListListing, .sanctionsListing, .equipmentAuthorizationBan, .procurementBan,
            .highRiskVendorRestriction:
            true
        case .marketExit, .marketEntry, .investigation, .scandal, .fineOrSettlement, .delisting:
            false
        }
    }

    /// A short label for reports.
    public var label: String {
        switch self {
        case .entityListListing: "Entity-list listing"
        case .sanctionsListing: "Sanctions listing"
        case .equipmentAuthorizationBan: "Equipment-authorization ban"
        case .procurementBan: "Procurement ban"
        case .highRiskVendorRestriction: "High-risk-vendor restriction"
        case .marketExit: "Market exit"
        case .marketEntry: "Market entry"
        case .investigation: "Investigation"
        case .scandal: "Scandal or allegation"
        case .fineOrSettlement: "Fine or settlement"
        case .delisting: "Delisting or lifting"
        }
    }
}

/// Where a market-access event stands.
public enum MarketEventStatus: String, CaseIterable, Codable, Sendable {
    /// In force (or, for one-off events, on record) within its dates.
    case active
    /// Ended by a decision, such as a delisting.
    case lifted
    /// Ended by reaching its end date.
    case expired
    /// Contested, by the vendor or by other reporting; never counted as certainly in force.
    case disputed

    /// Parses a status typed by a user or read from a file (case-insensitive).
    public init(parsing text: String) throws(ValueError) {
        guard let value = MarketEventStatus(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw ValueError.invalidEnumValue(field: "status", value: text, allowed: Self.allCases.map(\.rawValue))
        }
        self = value
    }
}

/// The days a market-access event is in force, and the rule that decides it on a given day.
///
/// The rule: an event is in force on day D when it has started (`start`, the effective-from date or else the
/// announcement date, is on or before D) and has not ended (`end`, the effective-to date, inclusive, is on or
/// after D). With partial dates either test can be `.possibly`: `2013-10` has started on 2013-10-15 only
/// possibly, on 2013-11-01 certainly. A `lifted` or `expired` event without an end date ended at an unknown time,
/// and a `disputed` one may never have applied, so neither is ever more than `.possibly` in force.
public struct EventWindow: Sendable, Equatable {
    public var start: PartialDate
    public var end: PartialDate?
    public var status: MarketEventStatus

    public init(start: PartialDate, end: PartialDate?, status: MarketEventStatus) {
        self.start = start
        self.end = end
        self.status = status
    }

    /// Whether the event is in force on `day`.
    public func inForce(on day: CalendarDate) -> Certainty {
        var answer = start.isOnOrBefore(day).and(end?.isOnOrAfter(day) ?? .yes)
        let endedAtAnUnknownTime = end == nil && (status == .lifted || status == .expired)
        if endedAtAnUnknownTime || status == .disputed { answer = answer.and(.possibly) }
        return answer
    }
}
