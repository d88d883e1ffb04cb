import AssayCore
import AssayProvenance
import AssayTestSupport
import Foundation
import Testing

/// Several provenance files read together (``ProvenanceReader/claims(from:policy:asOf:)``): an in-toto layout is
/// evaluated with the links beside it, links without a layout are read one by one, two layouts are refused.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (in-toto rebuilder links and layout)"))
struct ProvenanceFilesTests {
    static func input(_ name: String) throws -> ProvenanceInput {
        ProvenanceInput(bytes: try InTotoLayoutTests.bytes(name), place: name)
    }

    static let layout = "test.layout"
    static let links = [InTotoLayoutTests.first, InTotoLayoutTests.second]

    static func read(_ names: [String], asOf: CalendarDate? = nil) throws -> ProvenanceReading {
        try ProvenanceReader.claims(from: try names.map(input), policy: .init(), asOf: asOf)
    }

    @Test("a layout with both rebuilders' links: one claim, for the product meeting 2 of 2")
    func layoutWithLinks() throws {
        let reading = try Self.read(Self.links + [Self.layout])
        let evaluation = try #require(reading.evaluation)
        #expect(!evaluation.expired && evaluation.steps.map(\.met) == [true])
        #expect(reading.claims == evaluation.claims)
        let claim = try #require(reading.claims.first)
        #expect(reading.claims.count == 1)
        #expect(claim.subjects.map(\.sha256) == [try InTotoLayoutTests.sha256("good__final-product_0.0.0.0-0_all.deb")])
        #expect(claim.fileSha256 == (try InTotoLayoutTests.sha256(Self.layout)))
        #expect(!claim.remarks.contains { $0.contains("evaluated as of") })
    }

    @Test("a layout with one link: nothing claimed, the product reported below the threshold")
    func belowThreshold() throws {
        let reading = try Self.read([Self.layout, Self.links[0]])
        #expect(reading.claims.isEmpty)
        #expect(reading.evaluation?.steps.first?.products.map(\.meetsThreshold) == [false])
    }

    @Test("judged after its expiry the layout claims nothing; before it, the claims say when it was judged")
    func asOf() throws {
        let expired = try Self.read([Self.layout] + Self.links, asOf: try CalendarDate(iso: "2030-01-01"))
        #expect(expired.evaluation?.expired == true && expired.claims.isEmpty)
        let lastDay = try Self.read([Self.layout] + Self.links, asOf: try CalendarDate(iso: "2029-12-31"))
        #expect(lastDay.evaluation?.expired == false)
        let remark = "layout evaluated as of the end of 2029-12-31 (UTC), not at the time of reading"
        #expect(lastDay.claims.count == 1 && lastDay.claims.allSatisfy { $0.remarks.contains(remark) })
        #expect(lastDay.evaluation?.remarks.contains(remark) == true)
    }

    @Test("links without a layout are read one by one, each a claim of its own")
    func linksAlone() throws {
        let reading = try Self.read(Self.links)
        #expect(reading.evaluation == nil)
        #expect(reading.claims.count == 2)
        #expect(Set(reading.claims.map(\.fileSha256)).count == 2)
    }

    @Test("two layouts at once are refused, naming the second")
    func twoLayouts() throws {
        let second = ProvenanceInput(bytes: try InTotoLayoutTests.bytes(Self.layout), place: "copy.layout")
        let error = try #require(throws: ProvenanceError.self) {
            try ProvenanceReader.claims(
                from: try [Self.input(Self.layout), second] + Self.links.map(Self.input), policy: .init())
        }
        #expect(error.code == "provenance.unsupported")
        #expect(error.description.hasPrefix("copy.layout: unsupported second in-toto layout"))
    }

    @Test("an SPDX document beside a layout is read on its own")
    func spdxBesideLayout() throws {
        let spdx = ProvenanceInput(
            bytes: Array(try Data(contentsOf: URL(fileURLWithPath: SPDXExample.tagValue))), place: "example1.spdx")
        let reading = try ProvenanceReader.claims(
            from: try [spdx, Self.input(Self.layout)] + Self.links.map(Self.input), policy: .init())
        #expect(reading.claims.map(\.kind) == [.spdx, .inTotoLink])
    }
}
