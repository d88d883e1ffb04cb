import AssayCore

/// Everything known about one vendor on one timeline, and the state of things on a day.
///
/// Two days shape it: `asOf`, the day whose state the summary describes and after which nothing on the timeline
/// has happened yet; and `knownOn`, the day whose knowledge counts (only records created on or before it, by
/// their `createdAt`, and status changes recorded by then). By default `knownOn` is today: the state of the world
/// on `asOf` as far as we know now. Setting both to one past day asks "what did we know, and what was in force,
/// on that day".
public struct Dossier: Codable, Sendable, Equatable {
    public var vendor: VendorReference
    public var country: CountryCode?
    public var aliases: [String]
    /// Ancestors in the affiliate tree, nearest first.
    public var parents: [String]
    /// Subsidiaries and affiliates at any depth, by name.
    public var affiliates: [String]
    public var asOf: CalendarDate
    public var knownOn: CalendarDate
    /// Dated entries, oldest first (by the earliest day a partial date can mean).
    public var timeline: [DossierEntry]
    public var summary: DossierSummary
}

/// One dated entry of a dossier's timeline. More kinds (escrow deposits, verifications) join the same list.
public struct DossierEntry: Codable, Sendable, Equatable {
    public var date: PartialDate
    public var kind: DossierEntryKind
    /// One line for people.
    public var title: String
    /// The certification the entry is about, for certification kinds.
    public var certification: DossierCertification?
    /// The event the entry is about, for `market-event`, with its relation, path and whether it is in force on
    /// the dossier's `asOf` day.
    public var event: MarketEvent?
}

/// What a timeline entry records.
public enum DossierEntryKind: String, Codable, Sendable, CaseIterable {
    case certificationIssued = "certification-issued"
    case certificationStatus = "certification-status"
    case certificationExpired = "certification-expired"
    case marketEvent = "market-event"
}

/// A certification in a dossier, with its validity as of the dossier's day.
public struct DossierCertification: Codable, Sendable, Equatable {
    public var id: Int64
    public var scheme: CertificationScheme
    public var schemeTitle: String
    public var level: String?
    public var number: String?
    public var issuer: String?
    public var issuedOn: CalendarDate?
    public var validUntil: CalendarDate?
    /// The status in force on the dossier's day, from the status history known then.
    public var status: CertificationStatus
    public var validity: Validity
}

/// The state of things on the dossier's `asOf` day.
public struct DossierSummary: Codable, Sendable, Equatable {
    /// Every certification known, with its validity on the day.
    public var certifications: [DossierCertification]
    /// Restrictions in force (certainly or possibly) on the day, by jurisdiction, including inherited ones and
    /// those affecting an affiliate (see each event's `relation`).
    public var restrictions: [JurisdictionRestrictions]
}

/// The restrictions in force in one jurisdiction.
public struct JurisdictionRestrictions: Codable, Sendable, Equatable {
    public var jurisdiction: Jurisdiction
    public var jurisdictionName: String
    public var events: [MarketEvent]
}
