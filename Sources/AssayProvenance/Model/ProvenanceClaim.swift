/// What one piece of provenance evidence says: which binaries (subjects) come from which sources, how strongly the
/// evidence is backed, and who signed it.
///
/// Every reader of this module (Debian `.buildinfo`, in-toto statements with SLSA provenance in DSSE envelopes or
/// Sigstore bundles, in-toto v0.9 links, SPDX documents) and Assay's own rebuilds produce claims of this one shape,
/// so the store keeps and compares them without knowing the format they came from.
public struct ProvenanceClaim: Sendable, Equatable, Codable {
    /// The kind of evidence: stable text stored in the records.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case buildinfo
        case slsaProvenance = "slsa-provenance"
        case inTotoStatement = "in-toto-statement"
        case inTotoLink = "in-toto-link"
        case spdx
        case rebuild
        /// A Sigstore bundle's signature over the artefact itself (no statement: the subject is the artefact).
        case sigstoreMessageSignature = "sigstore-message-signature"
    }

    /// How strongly the evidence is backed: stable text stored in the records.
    public enum Strength: String, Sendable, Codable, CaseIterable {
        /// A signature was checked with OpenSSL against a key or identity the user trusts.
        case signatureVerified = "signature-verified"
        /// A signature is present but cannot be checked here (an OpenPGP signature without `gpgv` and a keyring).
        case signatureUnverified = "signature-unverified"
        /// Nothing signs the evidence.
        case unsigned
    }

    /// The kind of evidence.
    public var kind: Kind
    /// SHA-256 (lowercase hex) of the evidence file as read.
    public var fileSha256: String
    /// Who signed it, when known: a key fingerprint (`sha256:…` of the DER SubjectPublicKeyInfo), a keyless
    /// identity (`SAN (issuer)`), or an OpenPGP key id reported but not verified.
    public var signer: String?
    /// How strongly the evidence is backed.
    public var strength: Strength
    /// The binaries the evidence vouches for: package or file names with their digests.
    public var subjects: [DigestedName]
    /// The sources the evidence names as inputs (tarballs, `.dsc`, git commits, source files).
    public var sources: [DigestedName]
    /// Builder identity when the format names one (SLSA `builder.id`, the in-toto functionary, a rebuild host).
    public var builder: String?
    /// Plain-language remarks a reader must see, e.g. "binary-only rebuild: no source link".
    public var remarks: [String]

    /// Creates a claim.
    public init(
        kind: Kind, fileSha256: String, signer: String? = nil, strength: Strength, subjects: [DigestedName],
        sources: [DigestedName], builder: String? = nil, remarks: [String] = []
    ) {
        self.kind = kind
        self.fileSha256 = fileSha256
        self.signer = signer
        self.strength = strength
        self.subjects = subjects
        self.sources = sources
        self.builder = builder
        self.remarks = remarks
    }
}

/// A name (a file name, package file name or URI) with its digests, keyed by lowercase algorithm name
/// (`sha256`, `sha512`, `sha1`, `md5`, `gitCommit`, …) with lowercase hex values.
public struct DigestedName: Sendable, Equatable, Hashable, Codable {
    /// The name as the evidence writes it.
    public var name: String
    /// Digests by algorithm name.
    public var digests: [String: String]

    /// Creates a name with its digests; algorithm names and hex values are lowercased.
    public init(name: String, digests: [String: String]) {
        self.name = name
        self.digests = Dictionary(
            digests.map { ($0.key == "gitCommit" ? $0.key : $0.key.lowercased(), $0.value.lowercased()) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The SHA-256 digest, when the evidence gives one.
    public var sha256: String? { digests["sha256"] }
}
