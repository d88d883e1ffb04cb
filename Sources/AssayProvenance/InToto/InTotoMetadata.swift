/// The envelope every in-toto v0.9 metadata file shares: `{"signed": {...}, "signatures": [...]}`, the signatures
/// being over the canonical JSON of `signed`.
struct InTotoMetadata: Sendable {
    /// The `signed` object.
    var signed: JSONValue
    /// The canonical JSON of `signed`: the bytes the signatures are over.
    var canonical: [UInt8]
    /// The signatures.
    var signatures: [InTotoSignature]
    /// SHA-256 of the file as read.
    var fileSha256: String

    /// Reads a metadata file whose `signed._type` must be `type` (`link` or `layout`).
    init(_ bytes: [UInt8], place: String, type: String) throws(ProvenanceError) {
        guard let json = JSONValue.parse(bytes), json.object != nil else {
            throw .malformed(place: place, field: "(document)", reason: "not a JSON object")
        }
        guard let signed = json["signed"], signed.object != nil else {
            throw .malformed(place: place, field: "signed", reason: "missing or not an object")
        }
        guard signed["_type"]?.string == type else {
            throw .malformed(place: place, field: "signed._type", reason: "expected '\(type)'")
        }
        guard let canonical = signed.canonical else {
            throw .malformed(place: place, field: "signed", reason: "holds a non-integer number (not canonical JSON)")
        }
        self.signed = signed
        self.canonical = canonical
        signatures = try InTotoSignature.list(json["signatures"], place: place)
        fileSha256 = try ProvenanceError.sha256(bytes)
    }

    /// A map of artefact name to digest map (`materials`, `products`), as names with digests.
    static func artifacts(_ value: JSONValue?, field: String, place: String) throws(ProvenanceError) -> [DigestedName] {
        guard let map = value?.object else { throw .malformed(place: place, field: field, reason: "missing or not an object") }
        var names: [DigestedName] = []
        for (name, digests) in map.sorted(by: { $0.key < $1.key }) {
            var values: [String: String] = [:]
            for (algorithm, hex) in digests.object ?? [:] {
                guard let text = hex.string else {
                    throw .malformed(place: place, field: "\(field).\(name).\(algorithm)", reason: "not a string")
                }
                values[algorithm] = text
            }
            guard !values.isEmpty else {
                throw .malformed(place: place, field: "\(field).\(name)", reason: "no digests")
            }
            names.append(DigestedName(name: name, digests: values))
        }
        return names
    }
}
