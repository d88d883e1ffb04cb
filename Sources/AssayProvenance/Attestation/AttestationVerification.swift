/// What reading and verifying one attestation found: the claim it makes and each check done on the way.
public struct AttestationVerification: Sendable, Equatable {
    /// The container the attestation came in, detected from content.
    public enum Format: String, Sendable, Codable, CaseIterable {
        /// A Sigstore bundle (`mediaType` `application/vnd.dev.sigstore.bundle…`).
        case sigstoreBundle = "sigstore-bundle"
        /// A DSSE envelope (`payloadType`, `payload`, `signatures`).
        case dsseEnvelope = "dsse-envelope"
        /// A bare, unsigned in-toto Statement (`_type`).
        case inTotoStatement = "in-toto-statement"
    }

    /// The container.
    public var format: Format
    /// The claim: subjects, sources, builder, signer and strength.
    public var claim: ProvenanceClaim
    /// The checks done, in order; every one passed (a failing check is thrown as an error instead).
    public var checks: [VerificationCheck]

    /// Creates a result.
    public init(format: Format, claim: ProvenanceClaim, checks: [VerificationCheck]) {
        self.format = format
        self.claim = claim
        self.checks = checks
    }
}

/// One check done while verifying an attestation, such as `transparency-log.inclusion-proof`, with what it
/// established.
public struct VerificationCheck: Sendable, Equatable, Codable {
    /// A stable name for the check.
    public var name: String
    /// What was checked and found, for people.
    public var detail: String

    /// Creates a check record.
    public init(_ name: String, _ detail: String) {
        self.name = name
        self.detail = detail
    }
}
