public import AssayProvenance
public import AssayStore

/// What `escrow expect` did with the evidence given: the expectations of the deposit it names and, for an in-toto
/// layout, the layout's evaluation (the steps, the products below their threshold, whether it had expired).
///
/// Encoded as JSON per `Schemas/expectation.schema.json`.
public struct ExpectationRecording: Sendable, Codable {
    /// The deposit.
    public var depositId: Int64
    /// The deposit's expectations on this evidence, oldest first; empty when the evidence vouches for nothing
    /// (a layout whose steps meet no threshold, or that has expired).
    public var expectations: [Expectation]
    /// Whether every one of them was recorded before (nothing new was written).
    public var alreadyRecorded: Bool
    /// The in-toto layout's evaluation, when a layout was given.
    public var inToto: InTotoEvaluation?

    /// Creates a recording.
    public init(depositId: Int64, expectations: [Expectation], alreadyRecorded: Bool, inToto: InTotoEvaluation?) {
        self.depositId = depositId
        self.expectations = expectations
        self.alreadyRecorded = alreadyRecorded
        self.inToto = inToto
    }
}
