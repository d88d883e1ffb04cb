import AssayCore
import AssayStore

/// One problem found by an audit: what, how serious, about which vendor, and the records it rests on.
public struct Finding: Codable, Sendable, Equatable {
    /// Stable across runs: the kind and the records that make the problem (`certification-expired:certification-12`).
    public var id: String
    public var kind: FindingKind
    public var severity: Severity
    /// The vendor concerned (absent for store-wide findings such as a broken audit log).
    public var vendor: FindingVendor?
    /// What the finding is about, in a few words: `ISO/IEC 27001 SAMPLE-1 (certification #1)`.
    public var subject: String
    /// One sentence for people.
    public var message: String
    /// The records the finding rests on.
    public var records: [RecordReference]
    /// For findings reached through the affiliate tree: the path, subsidiary first.
    public var path: [String]?
    /// For a finding the report lists as accepted rather than counting it: the acceptance in effect.
    public var acceptance: FindingAcceptance?

    /// The form runs keep, for comparing them.
    public var recorded: RecordedFinding {
        RecordedFinding(
            id: id, kind: kind.rawValue, severity: severity, vendorId: vendor?.id, vendorName: vendor?.name,
            subject: subject, message: message, acceptanceId: acceptance?.id)
    }
}

/// The risk acceptance under which a finding is accepted on the audit day (`assay risk show ID`).
public struct FindingAcceptance: Codable, Sendable, Equatable {
    /// The risk acceptance's id.
    public var id: Int64
    public var owner: String
    public var reason: String
    public var ticket: String?
    public var acceptedOn: CalendarDate
    /// The last day accepted, as recorded.
    public var until: CalendarDate
    /// The last day the policy allows for the finding's severity, when it comes before ``until``: the acceptance
    /// ends on that day.
    public var cappedUntil: CalendarDate?
}

/// A vendor named by a finding.
public struct FindingVendor: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
}

/// A record a finding rests on: `certification` 12, `marketEvent` 3, `escrowDeposit` 5, `auditLog` 40.
public struct RecordReference: Codable, Sendable, Equatable {
    public var entity: String
    public var id: Int64

    public init(_ entity: String, _ id: Int64) {
        self.entity = entity
        self.id = id
    }
}
