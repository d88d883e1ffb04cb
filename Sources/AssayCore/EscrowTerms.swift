/// How a vendor offers its source code for scrutiny.
public enum EscrowOfferKind: String, CaseIterable, Codable, Sendable {
    /// Deposited with an independent escrow agent.
    case agentDeposit = "agent-deposit"
    /// Opened to a regulator's review (for example in a transparency centre).
    case regulatorReview = "regulator-review"
    /// Opened to customers' review.
    case customerReview = "customer-review"

    /// Parses a kind typed by a user.
    public init(parsing text: String) throws(ValueError) {
        guard let value = EscrowOfferKind(rawValue: text.lowercased()) else {
            throw ValueError.invalidEnumValue(field: "offer kind", value: text, allowed: Self.allCases.map(\.rawValue))
        }
        self = value
    }
}

/// The outcome of checking a bundle against a deposit's manifest.
public enum VerificationOutcome: String, CaseIterable, Codable, Sendable {
    /// Every path matched and the bundle raised no error finding.
    case passed
    /// Something differed, the bundle raised an error finding, or a signature did not verify.
    case failed
    /// The bundle could not be read to its end (missing, truncated, corrupt…).
    case error
}
