import AssayProvenance

/// A file kept in the evidence folder under its SHA-256, listed once so that `log verify` checks it is there.
struct StoredBlobRecord: Codable, Sendable, SQLRecord {
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
struct ArtifactRecord: Codable, Sendable, SQLNumberedRecord {
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

}

/// An expectation row: one binary a deposit should produce, with the evidence that says so.
struct ExpectationRecord: Codable, Sendable, SQLNumberedRecord {
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

}

/// Evidence refused because its signature did not verify.
struct RejectedEvidenceRecord: Codable, Sendable, SQLNumberedRecord {
    static let databaseTableName = "rejectedEvidence"
    var id: Int64?
    var depositId: Int64
    var evidenceSha256: String
    var code: String
    var reason: String
    var rejectedAt: String

}
