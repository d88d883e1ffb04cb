/// An in-toto v0.9 link (in-toto specification v0.9 §4.4): what one functionary recorded for one step, the
/// materials it used and the products it made, each with its digests.
public struct InTotoLink: Sendable {
    /// The file's name, used in errors and remarks.
    public let place: String
    /// The step the link is for (`signed.name`).
    public let stepName: String
    /// The inputs, by name.
    public let materials: [DigestedName]
    /// The outputs, by name.
    public let products: [DigestedName]
    let metadata: InTotoMetadata

    /// Reads a link file.
    public init(bytes: [UInt8], place: String) throws(ProvenanceError) {
        metadata = try InTotoMetadata(bytes, place: place, type: "link")
        guard let name = metadata.signed["name"]?.string, !name.isEmpty else {
            throw .malformed(place: place, field: "signed.name", reason: "missing or not a string")
        }
        self.place = place
        stepName = name
        materials = try InTotoMetadata.artifacts(metadata.signed["materials"], field: "signed.materials", place: place)
        products = try InTotoMetadata.artifacts(metadata.signed["products"], field: "signed.products", place: place)
    }

    /// The key ids that signed the link.
    public var signerKeyIds: [String] { metadata.signatures.map(\.keyId) }

    /// The claim of the link read on its own (without its layout): subjects its products, sources its materials.
    ///
    /// Signatures by OpenSSL-readable keys are checked against the policy's keys: one that verifies makes the claim
    /// verified (signer: the key's fingerprint); when keys are given and none verifies, the signature is invalid.
    /// OpenPGP signatures are checked against the layout's keys (``InTotoLayout/evaluate(links:policy:now:)``), so on
    /// their own they are unverified.
    func claim(policy: VerificationPolicy) throws(ProvenanceError) -> ProvenanceClaim {
        var claim = ProvenanceClaim(
            kind: .inTotoLink, fileSha256: metadata.fileSha256, strength: .unsigned, subjects: products,
            sources: materials, builder: "in-toto step '\(stepName)' by \(signerKeyIds.joined(separator: ", "))")
        guard !metadata.signatures.isEmpty else { return claim }
        claim.strength = .signatureUnverified
        let plain = metadata.signatures.filter { $0.otherHeaders == nil }
        if !policy.keys.isEmpty, !plain.isEmpty {
            for signature in plain {
                for key in policy.keys
                where (try? key.verify(signature: signature.bytes, message: metadata.canonical)) == true {
                    claim.strength = .signatureVerified
                    claim.signer = "sha256:" + key.fingerprint.hex
                    return claim
                }
            }
            throw .signatureInvalid(place: place, reason: "no signature verifies with the given key(s)")
        }
        claim.remarks.append(
            plain.isEmpty
                ? "OpenPGP signature present, not verified here (its layout's keys verify it)"
                : "signature present, not verified (no key given)")
        return claim
    }
}
