/// An in-toto Statement (v1, or v0.1): the subjects an attestation is about and its typed predicate.
///
/// See https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md.
struct InTotoStatement {
    /// The statement types read.
    static let types = ["https://in-toto.io/Statement/v1", "https://in-toto.io/Statement/v0.1"]
    /// The DSSE payload type of in-toto statements.
    static let payloadType = "application/vnd.in-toto+json"

    let subjects: [DigestedName]
    let predicateType: String
    let predicate: JSONFields?
    let place: String

    /// Reads a statement from its JSON object.
    init(_ fields: JSONFields) throws(ProvenanceError) {
        let type = try fields.string("_type")
        guard Self.types.contains(type) else { throw .unsupported(place: fields.place, what: "in-toto _type \(type)") }
        let list = try fields.objects("subject")
        guard !list.isEmpty else { throw fields.malformed("subject", "missing or empty") }
        var subjects: [DigestedName] = []
        for subject in list {
            let digests = try subject.digests("digest")
            guard !digests.isEmpty else { throw subject.malformed("digest", "missing or empty") }
            subjects.append(DigestedName(name: try subject.optionalString("name") ?? "", digests: digests))
        }
        self.subjects = subjects
        predicateType = try fields.string("predicateType")
        predicate = try fields.optionalObject("predicate")
        place = fields.place
    }

    /// The claim the statement makes: SLSA provenance names its sources and builder, other predicates only their
    /// subjects.
    func claim(fileSha256: String, signer: String?, strength: ProvenanceClaim.Strength) throws(ProvenanceError)
        -> ProvenanceClaim
    {
        guard let provenance = try SLSAProvenance(predicateType: predicateType, predicate: predicate, place: place) else {
            return ProvenanceClaim(
                kind: .inTotoStatement, fileSha256: fileSha256, signer: signer, strength: strength,
                subjects: subjects, sources: [], remarks: ["predicate type \(predicateType)"])
        }
        return ProvenanceClaim(
            kind: .slsaProvenance, fileSha256: fileSha256, signer: signer, strength: strength, subjects: subjects,
            sources: provenance.sources, builder: provenance.builder)
    }
}
