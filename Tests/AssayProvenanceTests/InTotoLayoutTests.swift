import AssayCrypto
import AssayProvenance
import AssayTestSupport
import Foundation
import Testing

/// in-toto v0.9 rebuilder links and their layout (apt-transport-in-toto's test data): two rebuilders' links name
/// the good package's SHA-256; the layout requires 2 of 2 functionaries for step `rebuild`.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (in-toto rebuilder links and layout)"))
struct InTotoLayoutTests {
    static let folder = Paths.fixtures + "/provenance/in-toto-rebuilders/"
    static let first = "rebuild.5863835e.link"
    static let second = "rebuild.e946fc60.link"

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: folder + name)))
    }

    static func sha256(_ name: String) throws -> String { try DigestContext.digest(try bytes(name)).hex }

    static func link(_ name: String, _ bytes: [UInt8]? = nil) throws -> InTotoLink {
        try InTotoLink(bytes: bytes ?? Self.bytes(name), place: name)
    }

    static func layout() throws -> InTotoLayout {
        try InTotoLayout(bytes: try bytes("test.layout"), place: "test.layout")
    }

    static let before2030 = ISO8601DateFormatter().date(from: "2026-01-01T00:00:00Z") ?? Date()

    @Test("both rebuilders' links count: 2 of 2 agree on the good package, never on the bad one")
    func thresholdMet() throws {
        let evaluation = try Self.layout().evaluate(
            links: [try Self.link(Self.first), try Self.link(Self.second)], policy: .init(), now: Self.before2030)
        let step = try #require(evaluation.steps.first)
        #expect(step.name == "rebuild" && step.threshold == 2 && step.met)
        #expect(step.links.map(\.strength) == [.signatureVerified, .signatureVerified])
        #expect(
            step.links.compactMap(\.functionary) == [
                "5863835e5ec8e640fa24410f069edc1d59b58507", "e946fc6076d683584e6803dbd35bad6a79a3c6b3",
            ])
        let good = try Self.sha256("good__final-product_0.0.0.0-0_all.deb")
        let bad = try Self.sha256("bad__final-product_0.0.0.0-0_all.deb")
        let claim = try #require(evaluation.claims.first)
        #expect(evaluation.claims.count == 1)
        #expect(claim.subjects == [DigestedName(name: "final-product_0.0.0.0-0_all.deb", digests: ["sha256": good])])
        #expect(!claim.subjects.contains { $0.sha256 == bad })
        #expect(claim.kind == .inTotoLink)
        #expect(claim.fileSha256 == (try Self.sha256("test.layout")))
        // The links verify with the layout's keys, but the layout's own OpenPGP signature is not checked here.
        #expect(claim.strength == .signatureUnverified)
        #expect(evaluation.layoutStrength == .signatureUnverified)
        #expect(!evaluation.expired)
    }

    @Test("one rebuilder alone does not meet 2 of 2: its product is reported, not claimed")
    func thresholdNotMet() throws {
        let evaluation = try Self.layout().evaluate(
            links: [try Self.link(Self.first)], policy: .init(), now: Self.before2030)
        let step = try #require(evaluation.steps.first)
        #expect(!step.met)
        #expect(evaluation.claims.isEmpty)
        #expect(step.products.map(\.meetsThreshold) == [false])
        #expect(step.products.first?.functionaries == ["5863835e5ec8e640fa24410f069edc1d59b58507"])
    }

    @Test("the same link given twice counts its functionary once")
    func sameFunctionaryTwice() throws {
        let evaluation = try Self.layout().evaluate(
            links: [try Self.link(Self.first), try Self.link(Self.first)], policy: .init(), now: Self.before2030)
        #expect(evaluation.claims.isEmpty)
        #expect(evaluation.steps.first?.links.compactMap(\.functionary).count == 1)
    }

    @Test("a rebuilder's link whose product digest was changed no longer verifies")
    func tamperedLink() throws {
        let text = String(decoding: try Self.bytes(Self.second), as: UTF8.self)
            .replacingOccurrences(of: "95b066f5", with: "95b066f6")
        let error = try #require(throws: ProvenanceError.self) {
            try Self.layout().evaluate(
                links: [try Self.link(Self.first), try Self.link(Self.second, Array(text.utf8))], policy: .init(),
                now: Self.before2030)
        }
        #expect(error.code == "provenance.signature-invalid")
        #expect(error.description.hasPrefix("rebuild.e946fc60.link: "))
    }

    @Test("an expired layout makes no claim")
    func expired() throws {
        let after = ISO8601DateFormatter().date(from: "2031-01-01T00:00:00Z") ?? Date()
        let evaluation = try Self.layout().evaluate(
            links: [try Self.link(Self.first), try Self.link(Self.second)], policy: .init(), now: after)
        #expect(evaluation.expired)
        #expect(evaluation.claims.isEmpty)
        #expect(evaluation.steps.first?.met == true)
    }

    @Test("a link read on its own: products are subjects, the OpenPGP signature unverified")
    func linkAlone() throws {
        let claims = try ProvenanceReader.claims(from: try Self.bytes(Self.first), place: Self.first, policy: .init())
        let claim = try #require(claims.first)
        #expect(claim.kind == .inTotoLink)
        #expect(claim.subjects.map(\.name) == ["final-product_0.0.0.0-0_all.deb"])
        #expect(claim.sources.isEmpty)
        #expect(claim.strength == .signatureUnverified)
        #expect(claim.builder == "in-toto step 'rebuild' by 5863835e5ec8e640fa24410f069edc1d59b58507")
        #expect(throws: ProvenanceError.self) {
            try ProvenanceReader.claims(from: try Self.bytes("test.layout"), place: "test.layout", policy: .init())
        }
    }
}

extension InTotoLayoutTests {
    @Test("the evaluation as JSON fits Schemas/in-toto-evaluation.schema.json, met and unmet")
    func schema() throws {
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        for links in [[Self.first, Self.second], [Self.first]] {
            let evaluation = try Self.layout().evaluate(
                links: try links.map { try Self.link($0) }, policy: .init(), now: Self.before2030)
            let json = String(decoding: try JSONEncoder().encode(evaluation), as: UTF8.self)
            #expect(try SchemaValidator.problems(in: json, schema: "in-toto-evaluation.schema.json") == nil)
        }
    }
}
