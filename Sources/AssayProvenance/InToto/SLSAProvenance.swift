/// The parts of a SLSA provenance predicate that link a binary to its sources: the materials (v0.1, v0.2) or
/// resolved dependencies (v1), and the builder.
///
/// See https://slsa.dev/spec/v0.2/provenance and https://slsa.dev/spec/v1.0/provenance.
struct SLSAProvenance {
    let sources: [DigestedName]
    let builder: String?

    /// Reads the predicate; `nil` when the predicate type is not SLSA provenance.
    init?(predicateType: String, predicate: JSONFields?, place: String) throws(ProvenanceError) {
        switch predicateType {
        case "https://slsa.dev/provenance/v0.1", "https://slsa.dev/provenance/v0.2":
            guard let predicate else { throw .malformed(place: place, field: "predicate", reason: "missing") }
            builder = try predicate.optionalObject("builder")?.string("id")
            sources = try predicate.objects("materials", Self.source)
        case "https://slsa.dev/provenance/v1":
            guard let predicate else { throw .malformed(place: place, field: "predicate", reason: "missing") }
            let definition = try predicate.object("buildDefinition")
            builder = try predicate.object("runDetails").object("builder").string("id")
            sources = try definition.objects("resolvedDependencies", Self.source)
        default:
            return nil
        }
    }

    /// A material or resource descriptor: its URI (or name) with its digests.
    private static func source(_ fields: JSONFields) throws(ProvenanceError) -> DigestedName {
        let uri = try fields.optionalString("uri")
        let name = try fields.optionalString("name")
        guard let name = uri ?? name else {
            throw fields.malformed("uri", "missing (neither uri nor name)")
        }
        return DigestedName(name: name, digests: try fields.digests("digest"))
    }
}
