import AssayCrypto
import Foundation

/// `assay provenance verify`: one attestation checked against one file, without a store.
///
/// The result says whether the signature verified with what the policy trusts, whether the file's SHA-256 is
/// among the attestation's subjects, and what sources and builder it names (`Schemas/provenance-verification.
/// schema.json`).
public struct ProvenanceVerification: Sendable, Equatable, Encodable {
    /// The file as given.
    public var file: String
    /// Its SHA-256, lowercase hex.
    public var fileSha256: String
    /// The attestation file as given.
    public var attestation: String
    /// The container, detected from content.
    public var format: AttestationVerification.Format
    /// True when the signature was verified with a key or identity the policy trusts.
    public var signatureVerified: Bool
    /// True when the file's SHA-256 is among the subjects.
    public var subjectMatches: Bool
    /// The claim: subjects, sources, builder, signer, strength.
    public var claim: ProvenanceClaim
    /// Every check done, in order.
    public var checks: [VerificationCheck]

    /// True when the signature verified and the file is a subject: the command exits 0.
    public var valid: Bool { signatureVerified && subjectMatches }

    /// Reads both files and verifies the attestation against the file.
    ///
    /// - Throws: ``ProvenanceError/signatureInvalid(place:reason:)`` when a signature or proof does not verify;
    ///   the other cases (including `.crypto(.io)` for a file that cannot be read) are trouble.
    public static func verify(file: String, attestation: String, policy: VerificationPolicy) throws(ProvenanceError)
        -> ProvenanceVerification
    {
        let digest: Digest
        do {
            digest = try DigestContext.digest(fileAt: file, using: .sha256).digest
        } catch {
            throw .crypto(error)
        }
        guard let data = FileManager.default.contents(atPath: attestation) else {
            throw .crypto(.io(path: attestation, reason: "cannot be read"))
        }
        let artifact = AttestedArtifact(name: URL(fileURLWithPath: file).lastPathComponent, sha256: digest)
        let result = try AttestationReader.claims(
            from: [UInt8](data), place: attestation, artifact: artifact, policy: policy)
        return ProvenanceVerification(
            file: file, fileSha256: digest.hex, attestation: attestation, format: result.format,
            signatureVerified: result.claim.strength == .signatureVerified,
            subjectMatches: result.claim.subjects.contains { $0.sha256 == digest.hex }, claim: result.claim,
            checks: result.checks)
    }

    enum CodingKeys: String, CodingKey {
        case file, fileSha256, attestation, format, signatureVerified, subjectMatches, valid, claim, checks
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(fileSha256, forKey: .fileSha256)
        try container.encode(attestation, forKey: .attestation)
        try container.encode(format, forKey: .format)
        try container.encode(signatureVerified, forKey: .signatureVerified)
        try container.encode(subjectMatches, forKey: .subjectMatches)
        try container.encode(valid, forKey: .valid)
        try container.encode(claim, forKey: .claim)
        try container.encode(checks, forKey: .checks)
    }
}
