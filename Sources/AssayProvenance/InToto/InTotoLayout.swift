import Foundation

/// An in-toto v0.9 layout (in-toto specification v0.9 §4.3): the steps of a supply chain, the functionaries
/// (public keys) allowed to perform each, and how many of them must agree (`threshold`), e.g. two independent
/// rebuilders of a package.
///
/// Assay evaluates a layout's steps against their links (``evaluate(links:policy:now:)``); it never runs a layout's
/// inspections and does not apply its artefact rules (`expected_materials`, `expected_products`).
public struct InTotoLayout: Sendable {
    /// One step of the layout.
    public struct Step: Sendable, Equatable {
        /// The step name, matched by links' `signed.name`.
        public let name: String
        /// How many distinct functionaries' links must agree.
        public let threshold: Int
        /// The key ids allowed to perform the step.
        public let functionaries: [String]
    }

    /// The file's name, used in errors and remarks.
    public let place: String
    /// When the layout expires (`signed.expires`, ISO 8601).
    public let expires: Date
    /// The steps in layout order.
    public let steps: [Step]
    let keys: [String: InTotoKey]
    let metadata: InTotoMetadata

    /// Reads a layout file.
    public init(bytes: [UInt8], place: String) throws(ProvenanceError) {
        metadata = try InTotoMetadata(bytes, place: place, type: "layout")
        let signed = metadata.signed
        guard let text = signed["expires"]?.string, let expires = ISO8601DateFormatter().date(from: text) else {
            throw .malformed(place: place, field: "signed.expires", reason: "missing or not an ISO 8601 time")
        }
        guard let keyMap = signed["keys"]?.object else {
            throw .malformed(place: place, field: "signed.keys", reason: "missing or not an object")
        }
        guard let stepList = signed["steps"]?.array else {
            throw .malformed(place: place, field: "signed.steps", reason: "missing or not an array")
        }
        var steps: [Step] = []
        for (index, step) in stepList.enumerated() {
            let field = "signed.steps[\(index)]"
            guard let name = step["name"]?.string, !name.isEmpty else {
                throw .malformed(place: place, field: field + ".name", reason: "missing or not a string")
            }
            guard let threshold = step["threshold"]?.integer ?? 1 as Int64?, threshold >= 1 else {
                throw .malformed(place: place, field: field + ".threshold", reason: "not a positive integer")
            }
            let functionaries = (step["pubkeys"]?.array ?? []).compactMap { $0.string?.lowercased() }
            guard threshold <= functionaries.count else {
                throw .malformed(
                    place: place, field: field + ".threshold",
                    reason: "\(threshold) exceeds the \(functionaries.count) functionaries in pubkeys")
            }
            if steps.contains(where: { $0.name == name }) {
                throw .malformed(place: place, field: field + ".name", reason: "step '\(name)' repeated")
            }
            steps.append(Step(name: name, threshold: Int(threshold), functionaries: functionaries))
        }
        self.place = place
        self.expires = expires
        self.steps = steps
        keys = Dictionary(keyMap.map { ($0.key.lowercased(), InTotoKey(keyId: $0.key, json: $0.value)) }) { a, _ in a }
    }

    /// The layout key (primary) that made a signature with `keyId`, directly or through one of its subkeys.
    func key(signing keyId: String) -> (primary: String, key: InTotoKey)? {
        for (id, key) in keys.sorted(by: { $0.key < $1.key }) {
            if let signing = key.signing(keyId) { return (id, signing) }
        }
        return nil
    }
}
