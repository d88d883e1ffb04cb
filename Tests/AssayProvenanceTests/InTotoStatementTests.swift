import AssayProvenance
import Foundation
import Testing

@Suite("in-toto statements and SLSA provenance read into claims")
struct InTotoStatementTests {
    static func read(_ json: String) throws(ProvenanceError) -> AttestationVerification {
        try AttestationReader.claims(from: Array(json.utf8), place: "att.json", artifact: nil, policy: VerificationPolicy())
    }

    static let subject = #"[{"name":"hello_2.10-3_amd64.deb","digest":{"sha256":"ABCD"}}]"#

    @Test("SLSA provenance v0.2: materials are the sources, builder.id the builder")
    func slsa02() throws {
        let claim = try Self.read("""
            {"_type":"https://in-toto.io/Statement/v0.1","subject":\(Self.subject),
             "predicateType":"https://slsa.dev/provenance/v0.2",
             "predicate":{"builder":{"id":"https://github.com/slsa-framework/slsa-github-generator@v1"},
               "materials":[{"uri":"git+https://github.com/example/hello@refs/tags/v1","digest":{"sha1":"0123abcd"}}]}}
            """).claim
        #expect(claim.kind == .slsaProvenance)
        #expect(claim.strength == .unsigned)
        #expect(claim.subjects == [DigestedName(name: "hello_2.10-3_amd64.deb", digests: ["sha256": "abcd"])])
        #expect(claim.sources == [DigestedName(name: "git+https://github.com/example/hello@refs/tags/v1", digests: ["sha1": "0123abcd"])])
        #expect(claim.builder == "https://github.com/slsa-framework/slsa-github-generator@v1")
    }

    @Test("SLSA provenance v1: resolved dependencies (uri or name, gitCommit kept) and runDetails.builder.id")
    func slsa1() throws {
        let claim = try Self.read("""
            {"_type":"https://in-toto.io/Statement/v1","subject":\(Self.subject),
             "predicateType":"https://slsa.dev/provenance/v1",
             "predicate":{"buildDefinition":{"buildType":"https://example.com/t","externalParameters":{},
                 "resolvedDependencies":[{"uri":"git+https://github.com/example/hello","digest":{"gitCommit":"ABC123"}},
                                         {"name":"hello_2.10.orig.tar.gz","digest":{"sha256":"ff00"}}]},
               "runDetails":{"builder":{"id":"https://github.com/actions/runner"}}}}
            """).claim
        #expect(claim.kind == .slsaProvenance)
        #expect(claim.sources.map(\.name) == ["git+https://github.com/example/hello", "hello_2.10.orig.tar.gz"])
        #expect(claim.sources.first?.digests == ["gitCommit": "abc123"])
        #expect(claim.builder == "https://github.com/actions/runner")
    }

    @Test("another predicate type is an in-toto statement claim without sources")
    func otherPredicate() throws {
        let result = try Self.read("""
            {"_type":"https://in-toto.io/Statement/v1","subject":\(Self.subject),"predicateType":"https://example.com/x"}
            """)
        #expect(result.format == .inTotoStatement)
        #expect(result.claim.kind == .inTotoStatement)
        #expect(result.claim.sources.isEmpty)
    }

    @Test("malformed statements are refused naming the field", arguments: [
        (#"{"_type":"https://in-toto.io/Statement/v1","subject":[],"predicateType":"p"}"#, "subject"),
        (#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"a","digest":{}}],"predicateType":"p"}"#,
         "subject[0].digest"),
        (#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"a","digest":{"sha256":"aa"}}]}"#,
         "predicateType"),
        (#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"a","digest":{"sha256":"aa"}}],"predicateType":"https://slsa.dev/provenance/v1","predicate":{"buildDefinition":{}}}"#,
         "predicate.runDetails"),
        (#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"a","digest":{"sha256":"aa"}}],"predicateType":"https://slsa.dev/provenance/v0.2","predicate":{"materials":[{"digest":{"sha1":"aa"}}]}}"#,
         "predicate.materials[0].uri"),
    ])
    func malformed(json: String, field: String) {
        #expect(throws: ProvenanceError.self) { try Self.read(json) }
        do {
            _ = try Self.read(json)
        } catch {
            guard case .malformed(_, let named, _) = error else {
                Issue.record("expected malformed, got \(error)")
                return
            }
            #expect(named == field)
        }
    }

    @Test("an unknown _type is unsupported, and JSON of no known shape unrecognized")
    func unknown() {
        #expect(throws: ProvenanceError.unsupported(place: "att.json", what: "in-toto _type https://in-toto.io/Statement/v9")) {
            try Self.read(#"{"_type":"https://in-toto.io/Statement/v9"}"#)
        }
        #expect(throws: ProvenanceError.unrecognized(place: "att.json")) { try Self.read(#"{"a":1}"#) }
    }
}
