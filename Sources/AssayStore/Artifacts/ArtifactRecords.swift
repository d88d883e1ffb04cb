import AssayProvenance
import GRDB

/// A file kept in the evidence folder under its SHA-256, listed once so that `log verify` checks it is there.
struct StoredBlobRecord: Codable, Sendable, SQLRecord, FetchableRecord, PersistableRecord {
    static let databaseTableName = "storedBlob"
    static let keyColumns = ["sha256"]
    var sha256: String
    var size: Int64
    /// What the file is: `artifact`, `manifest`, `evidence`, `build-log`, `rebuilt`, `diffoscope`.
    var role: String
    var originalName: String
    var storedAt: String
}

/// An artefact row: a binary a vendor ships or a site runs.
struct ArtifactRecord: Codable, Sendable, SQLNumberedRecord, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "artifact"
    var id: Int64?
    var vendorId: Int64
    var name: String
    var size: Int64
    var sha256: String
    var contentDigest: String?
    var contentManifestSha256: String?
    var product: String?
    var version: String?
    var site: String?
    var label: String?
    var addedAt: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let vendorId = Column(CodingKeys.vendorId)
        static let sha256 = Column(CodingKeys.sha256)
        static let site = Column(CodingKeys.site)
        static let contentDigest = Column(CodingKeys.contentDigest)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// An expectation row: one binary a deposit should produce, with the evidence that says so.
struct ExpectationRecord: Codable, Sendable, SQLNumberedRecord, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "expectation"
    var id: Int64?
    var depositId: Int64
    var subjectName: String
    var subjectSha256: String?
    var subjectDigests: [String: String]
    var contentDigest: String?
    var contentManifestSha256: String?
    var kind: ProvenanceClaim.Kind
    var evidenceSha256: String?
    var signer: String?
    var strength: ProvenanceClaim.Strength
    var sourceLink: SourceLink
    var sources: [DigestedName]
    var builder: String?
    var remarks: [String]
    var rebuildRunId: Int64?
    var recordedAt: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let depositId = Column(CodingKeys.depositId)
        static let evidenceSha256 = Column(CodingKeys.evidenceSha256)
        static let subjectName = Column(CodingKeys.subjectName)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Evidence refused because its signature did not verify.
struct RejectedEvidenceRecord: Codable, Sendable, SQLNumberedRecord, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "rejectedEvidence"
    var id: Int64?
    var depositId: Int64
    var evidenceSha256: String
    var code: String
    var reason: String
    var rejectedAt: String

    enum Columns {
        static let depositId = Column(CodingKeys.depositId)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
