/// One provenance file given to ``ProvenanceReader/claims(from:policy:asOf:)``: its bytes and the name errors and
/// remarks give it.
public struct ProvenanceInput: Sendable {
    /// The file's bytes as read.
    public var bytes: [UInt8]
    /// The file's name (its path as the user gave it).
    public var place: String

    /// Creates an input.
    public init(bytes: [UInt8], place: String) {
        self.bytes = bytes
        self.place = place
    }
}

/// What several provenance files establish together (``ProvenanceReader/claims(from:policy:asOf:)``): the claims to
/// record and, when an in-toto layout was among them, its evaluation with the links given beside it.
public struct ProvenanceReading: Sendable {
    /// Every claim: those of the files read one by one, then those of the layout's steps meeting their threshold.
    public var claims: [ProvenanceClaim]
    /// The layout's evaluation (steps, products below threshold, expiry), when a layout was given.
    public var evaluation: InTotoEvaluation?

    /// Creates a reading.
    public init(claims: [ProvenanceClaim], evaluation: InTotoEvaluation? = nil) {
        self.claims = claims
        self.evaluation = evaluation
    }
}
