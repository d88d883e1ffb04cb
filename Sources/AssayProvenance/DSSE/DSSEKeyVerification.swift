public import AssayCrypto

extension DSSEEnvelope {
    /// Verifies the envelope with trusted keys: the signer (`sha256:` and the fingerprint of the first key that
    /// verifies a signature) and the strength, `.signatureUnverified` when no key is given.
    ///
    /// - Throws: ``ProvenanceError/signatureInvalid(place:reason:)`` when keys are given and none verifies.
    public func verify(keys: [PublicKey], place: String) throws(ProvenanceError)
        -> (signer: String?, strength: ProvenanceClaim.Strength)
    {
        guard !keys.isEmpty else { return (nil, .signatureUnverified) }
        for key in keys where try signature(verifiedBy: key) != nil {
            return ("sha256:\(key.fingerprint.hex)", .signatureVerified)
        }
        throw .signatureInvalid(
            place: place,
            reason: "none of the \(signatures.count) DSSE signature(s) verifies with the \(keys.count) given key(s)")
    }
}
