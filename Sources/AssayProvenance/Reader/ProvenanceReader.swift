/// Reads any provenance file Assay knows into claims, telling the format from the content (``ProvenanceFormat``).
public enum ProvenanceReader {
    /// The claims one file makes: one for a `.buildinfo`, an in-toto link or an SPDX document.
    ///
    /// - Parameters:
    ///   - place: the file's name, used in every error and remark.
    ///   - policy: the keys, trusted root and OpenPGP keyring signatures are checked with.
    /// - Throws: ``ProvenanceError/unrecognized(place:)`` for other files, ``ProvenanceError/malformed(place:field:reason:)``
    ///   naming the line and field, ``ProvenanceError/signatureInvalid(place:reason:)`` for a signature that was
    ///   checked and failed.
    public static func claims(from bytes: [UInt8], place: String, policy: VerificationPolicy) throws(ProvenanceError)
        -> [ProvenanceClaim]
    {
        switch ProvenanceFormat.detect(bytes) {
        case .buildinfo:
            return [try BuildinfoReader.claim(from: bytes, place: place, policy: policy)]
        case .signedAttestation:
            return [try AttestationReader.claims(from: bytes, place: place, artifact: nil, policy: policy).claim]
        case .inTotoLink:
            return [try InTotoLink(bytes: bytes, place: place).claim(policy: policy)]
        case .inTotoLayout:
            throw .unsupported(
                place: place, what: "in-toto layout on its own: read it with its links (claims(from:policy:asOf:))")
        case .spdxTagValue, .spdxJSON:
            return [try SPDXReader.claim(from: bytes, place: place)]
        case nil:
            throw .unrecognized(place: place)
        }
    }
}
