
/// A rebuild run row: how a deposit was built by Assay and whether the attempts agreed.
struct RebuildRunRecord: Codable, Sendable, SQLNumberedRecord {
    static let databaseTableName = "rebuildRun"
    var id: Int64?
    var depositId: Int64
    var command: String
    var environment: [String: String]
    var sourceDateEpoch: Int64
    var network: String
    var builder: String
    var succeeded: Bool
    var reproducible: Reproducibility
    var differingArtifacts: [String]
    var recordedAt: String

}

/// One build attempt of a rebuild run.
struct RebuildAttemptRecord: Codable, Sendable, SQLNumberedRecord {
    static let databaseTableName = "rebuildAttempt"
    var id: Int64?
    var runId: Int64
    var number: Int
    var folder: String
    var exitStatus: Int32
    var logSha256: String?
    var startedAt: String
    var finishedAt: String

}

/// One artefact one attempt built (or failed to build: no digest).
struct RebuildArtifactRecord: Codable, Sendable, SQLNumberedRecord {
    static let databaseTableName = "rebuildArtifact"
    var id: Int64?
    var attemptId: Int64
    var path: String
    var size: Int64?
    var sha256: String?
    var contentDigest: String?
    var contentManifestSha256: String?

}
