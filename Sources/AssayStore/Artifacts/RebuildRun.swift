/// Whether a rebuild's attempts agreed bit for bit: stable text stored in the records.
public enum Reproducibility: String, Codable, Sendable, CaseIterable {
    case yes
    case no
    /// Fewer than two successful attempts: nothing to compare.
    case unknown
}

/// A recorded `escrow rebuild`: the clean environment, each attempt with its log and artefacts, and whether the
/// attempts agreed.
public struct RebuildRun: Codable, Sendable, Equatable {
    /// One build attempt.
    public struct Attempt: Codable, Sendable, Equatable {
        public var number: Int
        public var folder: String
        public var exitStatus: Int32
        /// SHA-256 of the build log kept beside the database.
        public var logSha256: String?
        public var startedAt: String
        public var finishedAt: String
        public var artifacts: [BuiltArtifact]
    }

    /// One artefact of one attempt.
    public struct BuiltArtifact: Codable, Sendable, Equatable {
        public var path: String
        /// Size and SHA-256 of the built file (kept beside the database), `nil` when the build did not produce it.
        public var size: Int64?
        public var sha256: String?
        /// The content bundle digest when the artefact reads as a package or archive.
        public var contentDigest: String?
        public var contentManifestSha256: String?
    }

    public var id: Int64
    public var depositId: Int64
    public var command: String
    public var environment: [String: String]
    public var sourceDateEpoch: Int64
    public var network: String
    /// `assay rebuild on HOST`.
    public var builder: String
    public var succeeded: Bool
    public var reproducible: Reproducibility
    public var differingArtifacts: [String]
    public var recordedAt: String
    public var attempts: [Attempt]
    /// The expectations the run recorded (the first attempt's artefacts, when the run succeeded).
    public var expectationIds: [Int64]
}
