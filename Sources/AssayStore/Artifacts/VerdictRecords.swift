
/// One `artifact verify` run.
struct ArtifactVerificationRecord: Codable, Sendable, SQLNumberedRecord {
    static let databaseTableName = "artifactVerification"
    var id: Int64?
    var verifiedAt: String
    var actor: String
    var scope: String
    var passed: Bool
    var diffoscope: String?
    var toolVersion: String

}

/// The verdict of one artefact in one run.
struct ArtifactVerdictRecord: Codable, Sendable, SQLNumberedRecord {
    static let databaseTableName = "artifactVerdict"
    var id: Int64?
    var verificationId: Int64
    var artifactId: Int64
    var verdict: BinaryVerdict
    var expectationId: Int64?
    var differingMembers: [String]
    var diffoscopeSha256: String?
    var diffoscopeSummary: [String]

}
