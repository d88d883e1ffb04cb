public import AssayProvenance

/// A binary a vendor ships or a site runs, as `artifact show|list` give it.
public struct Artifact: Codable, Sendable, Equatable {
    public var id: Int64
    public var vendor: VendorReference
    /// The file name as added.
    public var name: String
    public var size: Int64
    /// SHA-256 (lowercase hex) of the file; the file itself is kept beside the database under it.
    public var sha256: String
    /// The bundle digest of the file's contents when it reads as a package or archive (the installed payload,
    /// archive metadata left out), so that two builds of a package can be compared by content.
    public var contentDigest: String?
    /// SHA-256 of the content manifest kept beside the database (names the members when contents differ).
    public var contentManifestSha256: String?
    public var product: String?
    public var version: String?
    /// Where the binary runs.
    public var site: String?
    public var label: String?
    public var addedAt: String
    /// Where the kept copy lives, relative to the evidence folder.
    public var storedPath: String
}

/// What a new artefact is recorded with, besides its file.
public struct ArtifactDraft: Sendable {
    /// The vendor's name, alias or id.
    public var vendor: String
    public var product: String?
    public var version: String?
    public var site: String?
    public var label: String?

    /// Creates a draft for a vendor.
    public init(
        vendor: String, product: String? = nil, version: String? = nil, site: String? = nil, label: String? = nil
    ) {
        self.vendor = vendor
        self.product = product
        self.version = version
        self.site = site
        self.label = label
    }
}

/// Whether the evidence behind an expectation ties it to the deposit's source: stable text stored in the records.
public enum SourceLink: String, Codable, Sendable, CaseIterable {
    /// A source digest the evidence names is a file of the deposit, or the deposit's bundle digest.
    case linked
    /// The evidence names no source digest (a binary-only rebuild): nothing ties the binary to the deposit.
    case noSourceLink = "no-source-link"
    /// The evidence names sources, none of which is in the deposit.
    case sourceMismatch = "source-mismatch"
}

/// One binary a deposit should produce, with the evidence that says so.
public struct Expectation: Codable, Sendable, Equatable {
    public var id: Int64
    public var depositId: Int64
    /// The binary's name as the evidence gives it.
    public var subjectName: String
    /// Its SHA-256, when the evidence gives one.
    public var subjectSha256: String?
    /// Every digest the evidence gives, by algorithm.
    public var subjectDigests: [String: String]
    /// The content bundle digest of the expected package, when Assay holds a copy of it (its own rebuilds).
    public var contentDigest: String?
    public var contentManifestSha256: String?
    /// The kind of evidence.
    public var kind: ProvenanceClaim.Kind
    /// SHA-256 of the evidence file kept beside the database (`nil` for Assay's own rebuilds).
    public var evidenceSha256: String?
    /// Who signed the evidence, when known.
    public var signer: String?
    public var strength: ProvenanceClaim.Strength
    public var sourceLink: SourceLink
    /// The sources the evidence names.
    public var sources: [DigestedName]
    public var builder: String?
    public var remarks: [String]
    /// The rebuild run that produced it, for kind `rebuild`.
    public var rebuildRunId: Int64?
    public var recordedAt: String
}

/// Evidence refused because its signature did not verify: nothing was expected of it.
public struct RejectedEvidence: Codable, Sendable, Equatable {
    public var id: Int64
    public var depositId: Int64
    /// SHA-256 of the refused file, kept beside the database.
    public var evidenceSha256: String
    /// The error's stable code and message.
    public var code: String
    public var reason: String
    public var rejectedAt: String
}
