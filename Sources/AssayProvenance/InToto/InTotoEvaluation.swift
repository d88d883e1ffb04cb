/// What a layout and its links establish (``InTotoLayout/evaluate(links:policy:now:)``): per step, which
/// functionaries' links count, which products enough of them agree on, and the claims for those products only.
///
/// Encoded as JSON per `Schemas/in-toto-evaluation.schema.json`.
public struct InTotoEvaluation: Sendable, Equatable, Codable {
    /// The layout file's SHA-256.
    public var layoutSha256: String
    /// When the layout expires (ISO 8601).
    public var expires: String
    /// Whether it had expired at evaluation time (then no claim is made).
    public var expired: Bool
    /// How the layout's own signature was checked.
    public var layoutStrength: ProvenanceClaim.Strength
    /// The layout signer, when verified.
    public var layoutSigner: String?
    /// Per step, in layout order.
    public var steps: [Step]
    /// One claim per step whose threshold some products meet: subjects are those products only.
    public var claims: [ProvenanceClaim]
    /// Plain-language remarks: the layout signature, what Assay does not evaluate, expiry.
    public var remarks: [String]

    /// One step's evaluation.
    public struct Step: Sendable, Equatable, Codable {
        /// The step name.
        public var name: String
        /// Distinct functionaries whose links must agree.
        public var threshold: Int
        /// The functionaries (key ids) allowed.
        public var functionaries: [String]
        /// Every link given for the step.
        public var links: [Link]
        /// Every product the counted links name, with who vouches for it.
        public var products: [Agreement]
        /// Whether some product met the threshold.
        public var met: Bool
    }

    /// One link of a step.
    public struct Link: Sendable, Equatable, Codable {
        /// The link file, as given.
        public var file: String
        /// The link file's SHA-256.
        public var sha256: String
        /// The functionary (layout key id) whose signature counts, or `nil` when none of the step's does.
        public var functionary: String?
        /// Whether that signature was verified with the layout's key (`signature-verified`) or not.
        public var strength: ProvenanceClaim.Strength
        /// Why the link does not count, or why its signature is unverified.
        public var remark: String?
    }

    /// A product (or material) digest and the functionaries whose links name it.
    public struct Agreement: Sendable, Equatable, Codable {
        /// The artefact name.
        public var name: String
        /// Its SHA-256.
        public var sha256: String
        /// The distinct functionaries naming this name with this digest.
        public var functionaries: [String]
        /// Whether they are at least the step's threshold.
        public var meetsThreshold: Bool
    }
}
