import AssayCrypto

/// Reads and verifies one attestation, detected by content: a Sigstore bundle (`mediaType`), a DSSE envelope
/// (`payloadType`) or a bare in-toto Statement (`_type`), and returns the claim it makes with the checks done.
///
/// This is the one entry point for signed attestations: `assay provenance verify` and the store's expectation
/// workflow both call it.
public enum AttestationReader {
    /// Reads `bytes` (the attestation file) and verifies its signature with `policy`.
    ///
    /// - Parameters:
    ///   - place: the attestation's file name, named in errors.
    ///   - artifact: the file the attestation is checked against; required for Sigstore message signatures,
    ///     whose signature is over the file's digest. Whether a statement's subjects name it is for the caller.
    /// - Returns: the claim with strength `.signatureVerified` (a key or identity of `policy` verified it),
    ///   `.signatureUnverified` (a DSSE envelope with no key given) or `.unsigned` (a bare statement).
    /// - Throws: ``ProvenanceError/signatureInvalid(place:reason:)`` when a check fails, and the other cases for
    ///   malformed or unsupported input or when the policy cannot verify it.
    public static func claims(
        from bytes: [UInt8], place: String, artifact: AttestedArtifact?, policy: VerificationPolicy
    ) throws(ProvenanceError) -> AttestationVerification {
        let fields = try JSONFields(parsing: bytes, place: place)
        if let mediaType = try? fields.string("mediaType"), mediaType.hasPrefix("application/vnd.dev.sigstore.bundle") {
            return try SigstoreVerifier.verify(fields, bytes: bytes, artifact: artifact, policy: policy)
        }
        if fields.has("payloadType") {
            let envelope = try DSSEEnvelope(json: fields.object, place: place)
            let verdict = try envelope.verify(keys: policy.keys, place: place)
            let claim = try statement(in: envelope, place: place).claim(
                fileSha256: try sha256(bytes), signer: verdict.signer, strength: verdict.strength)
            let check =
                verdict.signer.map { VerificationCheck("signature", "the DSSE signature verifies with \($0)") }
                ?? VerificationCheck("signature", "not checked: no key given")
            return AttestationVerification(format: .dsseEnvelope, claim: claim, checks: [check])
        }
        if fields.has("_type") {
            let claim = try InTotoStatement(fields).claim(
                fileSha256: try sha256(bytes), signer: nil, strength: .unsigned)
            return AttestationVerification(
                format: .inTotoStatement, claim: claim, checks: [VerificationCheck("signature", "none: unsigned")])
        }
        throw .unrecognized(place: place)
    }

    /// The in-toto statement a DSSE envelope carries.
    static func statement(in envelope: DSSEEnvelope, place: String) throws(ProvenanceError) -> InTotoStatement {
        guard envelope.payloadType == InTotoStatement.payloadType else {
            throw .unsupported(place: place, what: "DSSE payload type \(envelope.payloadType) (expected in-toto)")
        }
        return try InTotoStatement(JSONFields(parsing: envelope.payload, place: "\(place): payload"))
    }

    /// SHA-256 of the attestation file, lowercase hex.
    static func sha256(_ bytes: [UInt8]) throws(ProvenanceError) -> String {
        do {
            return try DigestContext.digest(bytes, using: .sha256).hex
        } catch {
            throw .crypto(error)
        }
    }
}
