import AssayCore

/// Everything an audit evaluates, read in one consistent snapshot of the store: vendors, certifications with
/// their status on the audit day, X.509 details, escrow offers with their latest deposit and its runs,
/// market-access events (propagated along the affiliate tree on request) and the audit log's head, with the
/// chain's verification up to that head, and the risk acceptances.
public struct AuditSnapshot: Sendable {
    /// The day evaluated.
    public var asOf: CalendarDate
    /// Every vendor, by name.
    public var vendors: [AuditVendor]
    /// Every certification, with its status and validity on ``asOf``.
    public var certifications: [AuditCertification]
    /// Every escrow offer, with what was deposited and verified by ``asOf``.
    public var offers: [AuditOffer]
    /// The audit log's chain, verified on a second reader up to at least ``logHead``.
    public var logVerification: LogVerification
    /// The audit log's last entry when the records were read (even past a break in the chain).
    public var logHead: LogHead?
    /// How many market-access events are recorded.
    public var eventCount: Int
    /// The latest signed checkpoint of the audit log, when one was made (`assay log checkpoint`).
    public var latestCheckpoint: LogCheckpoint?
    /// Claimed CC, EUCC and FIPS 140 certifications checked against the imported registries (`cert reconcile`).
    public var reconciliation: [ReconciliationFinding]
    /// Every risk acceptance, revoked ones included: which apply is decided as of ``asOf``.
    public var acceptances: [RiskAcceptance]
    /// Artefacts, their expectations and verdicts, refused evidence and rebuilds.
    public var binaries: AuditBinaries = .none

    let index: AffiliateIndex
    let eventsByVendor: [Int64: [MarketEventRecord]]

    /// The events bearing on a vendor: its own, those inherited from ancestors, and those naming affiliates,
    /// each with the affiliate path (the same propagation as `event list --vendor`).
    public func events(bearingOn vendorId: Int64) -> [AuditEventHit] {
        EventPropagation.hits(bearingOn: vendorId, in: index, events: eventsByVendor).compactMap { hit in
            guard let id = hit.record.id else { return nil }
            let record = hit.record
            let event = AuditEvent(
                id: id, vendorId: record.vendorId, vendorName: index.name(record.vendorId),
                jurisdiction: record.jurisdiction, type: record.type, authority: record.authority,
                program: record.program, announcedOn: record.announcedOn, effectiveFrom: record.effectiveFrom,
                effectiveTo: record.effectiveTo, status: record.status)
            return AuditEventHit(event: event, relation: hit.relation, path: hit.path)
        }
    }
}

/// The last entry of the audit log at a moment.
public struct LogHead: Codable, Sendable, Equatable {
    public var seq: Int64
    public var hash: String

    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }
}

/// A vendor as the audit sees it.
public struct AuditVendor: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var parentId: Int64?
    public var relationship: VendorRelationship
    public var tier: Int?
}

/// A certification with its status on the audit day (from its dated status history).
public struct AuditCertification: Sendable, Equatable {
    public var id: Int64
    public var vendorId: Int64
    public var scheme: CertificationScheme
    public var level: String?
    public var number: String?
    public var issuer: String?
    public var issuedOn: CalendarDate?
    public var validUntil: CalendarDate?
    /// The status in effect on the audit day.
    public var status: CertificationStatus
    public var validity: Validity
    /// The certificate's own fields, for scheme `x509`.
    public var x509: X509Details? {
        get { x509Box?.details }
        set { x509Box = newValue.map(X509Box.init) }
    }
    // Boxed: the details are ten times the size of the rest, and only X.509 certificates have them.
    private var x509Box: X509Box?

    init(
        id: Int64, vendorId: Int64, scheme: CertificationScheme, level: String?, number: String?, issuer: String?,
        issuedOn: CalendarDate?, validUntil: CalendarDate?, status: CertificationStatus, validity: Validity,
        x509: X509Details?
    ) {
        self.id = id
        self.vendorId = vendorId
        self.scheme = scheme
        self.level = level
        self.number = number
        self.issuer = issuer
        self.issuedOn = issuedOn
        self.validUntil = validUntil
        self.status = status
        self.validity = validity
        self.x509Box = x509.map(X509Box.init)
    }
}

/// X.509 details behind a reference, shared by copies of a certification; immutable.
private final class X509Box: Sendable, Equatable {
    let details: X509Details

    init(_ details: X509Details) { self.details = details }

    static func == (lhs: X509Box, rhs: X509Box) -> Bool { lhs.details == rhs.details }
}

/// An escrow offer and its latest deposit made by the audit day.
public struct AuditOffer: Sendable, Equatable {
    public var id: Int64
    public var vendorId: Int64
    public var kind: EscrowOfferKind
    public var agent: String?
    /// The day the offer was made, else the day it was recorded.
    public var since: CalendarDate
    /// Deposits made by the audit day.
    public var deposits: Int
    public var latestDeposit: AuditDeposit?
}

/// A deposit and its verification runs up to the audit day.
public struct AuditDeposit: Sendable, Equatable {
    public var id: Int64
    public var label: String?
    public var depositedOn: CalendarDate
    /// How many verification runs, whatever their outcome.
    public var runs: Int
    public var lastRun: AuditVerificationRun?
    public var lastPassed: AuditVerificationRun?
}

/// One verification run of a deposit.
public struct AuditVerificationRun: Sendable, Equatable {
    public var id: Int64
    public var on: CalendarDate
    public var outcome: VerificationOutcome
}

/// A market-access event bearing on a vendor, and how.
public struct AuditEventHit: Sendable, Equatable {
    public var event: AuditEvent
    public var relation: EventRelation
    /// The affiliate path, subsidiary first, when the event is not the vendor's own.
    public var path: [String]?
}

/// A market-access event's fields that the audit uses.
public struct AuditEvent: Sendable, Equatable {
    public var id: Int64
    public var vendorId: Int64
    public var vendorName: String
    public var jurisdiction: Jurisdiction
    public var type: MarketEventType
    public var authority: String?
    public var program: String?
    public var announcedOn: PartialDate
    public var effectiveFrom: PartialDate?
    public var effectiveTo: PartialDate?
    public var status: MarketEventStatus

    /// The days it is in force.
    public var window: EventWindow {
        EventWindow(start: effectiveFrom ?? announcedOn, end: effectiveTo, status: status)
    }
}
