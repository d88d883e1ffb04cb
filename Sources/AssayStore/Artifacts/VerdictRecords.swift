import GRDB

/// One `artifact verify` run.
struct ArtifactVerificationRecord: Codable, Sendable, SQLNumberedRecord, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "artifactVerification"
    var id: Int64?
    var verifiedAt: String
    var actor: String
    var scope: String
    var passed: Bool
    var diffoscope: String?
    var toolVersion: String

    enum Columns {
        static let id = Column(CodingKeys.id)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The verdict of one artefact in one run.
struct ArtifactVerdictRecord: Codable, Sendable, SQLNumberedRecord, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "artifactVerdict"
    var id: Int64?
    var verificationId: Int64
    var artifactId: Int64
    var verdict: BinaryVerdict
    var expectationId: Int64?
    var differingMembers: [String]
    var diffoscopeSha256: String?
    var diffoscopeSummary: [String]

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let verificationId = Column(CodingKeys.verificationId)
        static let artifactId = Column(CodingKeys.artifactId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
