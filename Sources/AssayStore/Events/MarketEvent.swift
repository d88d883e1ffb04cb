import AssayCore

/// A market-access event as shown by `event list`/`event show`, written to the audit log and exported.
public struct MarketEvent: Codable, Sendable, Equatable {
    public var id: Int64
    /// The vendor the event names.
    public var vendor: VendorReference
    /// True when the event extends to the vendor's subsidiaries and affiliates (as the FCC Covered List does).
    public var appliesToAffiliates: Bool
    public var jurisdiction: Jurisdiction
    /// Who acted: `US Department of Commerce BIS`, `FCC`, `UK government`, …
    public var authority: String?
    public var type: MarketEventType
    /// The program or legal instrument: `Entity List (15 CFR 744)`, `Covered List`, …
    public var program: String?
    /// Which products, network domains or uses it covers.
    public var scope: String?
    /// When it was listed or announced.
    public var announcedOn: PartialDate
    public var effectiveFrom: PartialDate?
    /// The last day it applied (inclusive).
    public var effectiveTo: PartialDate?
    public var status: MarketEventStatus
    public var sourceUrl: String?
    /// The source's own id for the record (a registry entry, a Federal Register document number).
    public var sourceRecordId: String?
    public var notes: String?
    public var createdAt: String
    public var updatedAt: String
    /// How the event bears on the vendor asked about (`own` unless listed for another vendor).
    public var relation: EventRelation
    /// The affiliate path, subsidiary first, from the lower vendor to the upper one, when not `own`.
    public var path: [String]?
    /// Whether the event is in force on the day asked about (`event list --active-on`), by ``EventWindow``'s rule.
    public var inForce: Certainty?
}

/// How an event bears on a vendor through the affiliate tree.
public enum EventRelation: String, Codable, Sendable {
    /// The event names the vendor itself.
    case own
    /// The event names an ancestor and extends to its affiliates.
    case inherited
    /// The event names one of the vendor's subsidiaries or affiliates ("affecting an affiliate").
    case affiliate
}

/// What a market-access event is made of: a new event, an edit's result, or a row of an import file.
public struct MarketEventDraft: Sendable, Equatable {
    /// The vendor's name, alias or id.
    public var vendor: String
    public var appliesToAffiliates = false
    public var jurisdiction: Jurisdiction
    public var authority: String?
    public var type: MarketEventType
    public var program: String?
    public var scope: String?
    public var announcedOn: PartialDate
    public var effectiveFrom: PartialDate?
    public var effectiveTo: PartialDate?
    public var status: MarketEventStatus = .active
    public var sourceUrl: String?
    public var sourceRecordId: String?
    public var notes: String?

    public init(vendor: String, type: MarketEventType, jurisdiction: Jurisdiction, announcedOn: PartialDate) {
        self.vendor = vendor
        self.type = type
        self.jurisdiction = jurisdiction
        self.announcedOn = announcedOn
    }

    /// Checks what the fields cannot check alone: the effective dates' order.
    public func check() throws(ValueError) {
        try PartialDate.checkRange(from: effectiveFrom ?? announcedOn, to: effectiveTo)
    }
}

/// Filters for `event list`.
public struct MarketEventFilter: Sendable {
    /// Only events bearing on this vendor: its own, those inherited from ancestors, and its affiliates'.
    public var vendor: String?
    public var jurisdiction: Jurisdiction?
    public var type: MarketEventType?
    public var status: MarketEventStatus?
    /// The day whose state each event's `inForce` describes (none is derived when `nil`).
    public var asOf: CalendarDate?
    /// Only events in force, certainly or possibly, on the `asOf` day.
    public var inForceOnly = false

    public init() {}
}
