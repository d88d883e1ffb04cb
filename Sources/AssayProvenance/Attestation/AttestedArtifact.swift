public import AssayCrypto

/// The file an attestation is checked against: its name (for the claim's subject) and SHA-256.
public struct AttestedArtifact: Sendable, Equatable {
    /// The file's name as the user gave it.
    public var name: String
    /// The file's SHA-256.
    public var sha256: Digest

    /// Creates an artefact reference.
    public init(name: String, sha256: Digest) {
        self.name = name
        self.sha256 = sha256
    }
}
