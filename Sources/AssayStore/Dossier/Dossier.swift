import AssayBundle
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

/// One dated entry of a dossier's timeline: certifications, market-access events, escrow and registry
/// reconciliation on one list.
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
    /// The offer, deposit and verification run the entry is about, for escrow kinds.
    public var escrow: DossierEscrowReference?
    /// The outcome, for `registry-reconciliation`: dated by the registry import it rests on.
    public var reconciliation: ReconciliationFinding?
    /// The artefact, expectation, rebuild or verdict the entry is about, for the binary-equivalence kinds.
    public var binary: DossierBinaryReference?
}

/// What a timeline entry records.
public enum DossierEntryKind: String, Codable, Sendable, CaseIterable {
    case certificationIssued = "certification-issued"
    case certificationStatus = "certification-status"
    case certificationExpired = "certification-expired"
    case marketEvent = "market-event"
    case escrowOffer = "escrow-offer"
    case escrowDeposit = "escrow-deposit"
    case escrowVerification = "escrow-verification"
    case registryReconciliation = "registry-reconciliation"
    case artifact
    case escrowExpectation = "escrow-expectation"
    case escrowRebuild = "escrow-rebuild"
    case artifactVerdict = "artifact-verdict"
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
    /// The outcomes of checking the claim against an imported registry, as `cert reconcile` gives them; absent
    /// when no registry known on the dossier's day covers the scheme.
    public var registry: [ReconciliationOutcome]?
}

/// The state of things on the dossier's `asOf` day.
public struct DossierSummary: Codable, Sendable, Equatable {
    /// Every certification known, with its validity on the day.
    public var certifications: [DossierCertification]
    /// Restrictions in force (certainly or possibly) on the day, by jurisdiction, including inherited ones and
    /// those affecting an affiliate (see each event's `relation`).
    public var restrictions: [JurisdictionRestrictions]
    /// The vendor's escrow offers made by the day, each with its deposits and their verification runs by then.
    public var escrow: [DossierEscrowOffer]
    /// Every claim checked against the registries known on the day, with each outcome (`cert reconcile`).
    public var reconciliation: [ReconciliationFinding]
    /// The vendor's artefacts with their latest verdicts, its deposits' expectations and rebuilds.
    public var binaries: DossierBinaries
}

/// The restrictions in force in one jurisdiction.
public struct JurisdictionRestrictions: Codable, Sendable, Equatable {
    public var jurisdiction: Jurisdiction
    public var jurisdictionName: String
    public var events: [MarketEvent]
}

/// What an escrow timeline entry is about.
public struct DossierEscrowReference: Codable, Sendable, Equatable {
    public var offerId: Int64
    public var depositId: Int64?
    public var verificationId: Int64?
    /// The verification run's outcome, for `escrow-verification`.
    public var outcome: VerificationOutcome?
}

/// An escrow offer in a dossier, with the deposits made under it by the dossier's day.
public struct DossierEscrowOffer: Codable, Sendable, Equatable {
    public var id: Int64
    public var kind: EscrowOfferKind
    public var agent: String?
    public var terms: String?
    public var offeredOn: CalendarDate?
    /// Oldest first.
    public var deposits: [DossierEscrowDeposit]
}

/// A deposit in a dossier, with its verification runs by the dossier's day.
public struct DossierEscrowDeposit: Codable, Sendable, Equatable {
    public var id: Int64
    public var label: String?
    public var depositedAt: String
    public var bundleDigest: String
    public var files: Int
    public var bytes: Int64
    /// How many verification runs were recorded by the day.
    public var verificationRuns: Int
    /// The latest of them.
    public var lastVerification: DossierEscrowVerification?
}

/// A verification run in a dossier.
public struct DossierEscrowVerification: Codable, Sendable, Equatable {
    public var id: Int64
    public var verifiedAt: String
    public var outcome: VerificationOutcome
    /// Why the run ended in error.
    public var error: String?
}
