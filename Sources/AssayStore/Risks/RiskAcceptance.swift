import AssayCore

/// A finding accepted as a risk until a day: who owns the risk, why it is accepted, and, once revoked, when, by
/// whom and why. Printed by `assay risk show --format json` (`Schemas/risk-acceptance.schema.json`).
///
/// An acceptance applies to audits as of ``acceptedOn`` through ``until``; an audit as of a later day counts the
/// finding again. Revoking ends it from the day of the revocation; the row stays, for the history.
public struct RiskAcceptance: Codable, Sendable, Equatable {
    public var id: Int64
    /// The finding's stable id, such as `market-restriction:vendor-3-event-9`.
    public var findingId: String
    /// The finding's vendor as the latest recorded audit run named it, when that run reported the finding.
    public var vendor: VendorReference?
    /// What the finding is about, from that run.
    public var subject: String?
    /// The finding's severity when the risk was accepted (from that run, else the policy's for its kind): the one
    /// whose longest allowed acceptance was checked.
    public var severity: Severity
    /// Who owns the risk.
    public var owner: String
    public var reason: String
    /// A ticket or change reference.
    public var ticket: String?
    /// The day the risk was accepted.
    public var acceptedOn: CalendarDate
    /// The last day the finding is accepted.
    public var until: CalendarDate
    /// When the acceptance was recorded (ISO 8601 UTC), and by whom.
    public var createdAt: String
    public var actor: String
    /// Set once the acceptance is revoked.
    public var revocation: RiskRevocation?

    /// Where the acceptance stands on a day.
    public func state(on day: CalendarDate) -> RiskAcceptanceState {
        if let revocation, revocation.on <= day { return .revoked }
        if day < acceptedOn { return .pending }
        return day > until ? .expired : .active
    }
}

/// The end of an acceptance before its day: when, by whom and why.
public struct RiskRevocation: Codable, Sendable, Equatable {
    /// The day of the revocation: from this day on the finding counts again.
    public var on: CalendarDate
    public var at: String
    public var actor: String
    public var reason: String
}

/// Where an acceptance stands on a day.
public enum RiskAcceptanceState: String, Codable, Sendable, CaseIterable {
    /// Accepted after that day.
    case pending
    /// In effect: the finding is accepted.
    case active
    /// Past its last day: the finding counts again.
    case expired
    /// Revoked on or before that day.
    case revoked
}

/// What a new acceptance is made of.
public struct RiskAcceptanceDraft: Sendable {
    public var findingId: String
    public var owner: String
    public var reason: String
    public var ticket: String?
    public var acceptedOn: CalendarDate
    public var until: CalendarDate
    /// The severity checked against the policy (see ``RiskAcceptance/severity``).
    public var severity: Severity
    /// The finding's vendor and subject, when the latest recorded run reported it.
    public var vendorId: Int64?
    public var vendorName: String?
    public var subject: String?

    public init(
        findingId: String, owner: String, reason: String, acceptedOn: CalendarDate, until: CalendarDate,
        severity: Severity
    ) {
        self.findingId = findingId
        self.owner = owner
        self.reason = reason
        self.acceptedOn = acceptedOn
        self.until = until
        self.severity = severity
    }
}

/// Which acceptances `risk list` shows.
public struct RiskAcceptanceFilter: Sendable {
    /// Only acceptances of this vendor's findings (name, alias or id).
    public var vendor: String?
    /// Only acceptances in one of these states on ``day``; `nil` for every state.
    public var states: Set<RiskAcceptanceState>?
    /// The day states are taken on.
    public var day: CalendarDate

    public init(day: CalendarDate) {
        self.day = day
    }
}
