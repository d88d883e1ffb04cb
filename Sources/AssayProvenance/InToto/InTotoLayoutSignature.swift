/// The check of a layout's own signatures, which no layout key can vouch for: with the policy's keys for
/// OpenSSL-readable signatures; OpenPGP signatures are reported present but unverified.
enum InTotoLayoutSignature {
    /// The outcome: strength, signer when verified, and a remark.
    struct Outcome {
        var strength: ProvenanceClaim.Strength
        var signer: String?
        var remark: String
    }

    static func check(_ layout: InTotoLayout, policy: VerificationPolicy) throws(ProvenanceError) -> Outcome {
        let signatures = layout.metadata.signatures
        guard !signatures.isEmpty else { return Outcome(strength: .unsigned, remark: "the layout is not signed") }
        let plain = signatures.filter { $0.otherHeaders == nil }
        if !plain.isEmpty, !policy.keys.isEmpty {
            for signature in plain {
                for key in policy.keys
                where (try? key.verify(signature: signature.bytes, message: layout.metadata.canonical)) == true {
                    let signer = "sha256:" + key.fingerprint.hex
                    return Outcome(
                        strength: .signatureVerified, signer: signer, remark: "layout signature verified (\(signer))")
                }
            }
            throw .signatureInvalid(place: layout.place, reason: "no layout signature verifies with the given key(s)")
        }
        let keys = signatures.map(\.keyId).joined(separator: ", ")
        let kind = plain.isEmpty ? "OpenPGP signature" : "signature"
        return Outcome(
            strength: .signatureUnverified, remark: "layout \(kind) by \(keys) present, not verified (no key given)")
    }
}
