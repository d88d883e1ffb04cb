import AssayCore
import AssayRegistry
import AssayStore
import AssayTestSupport
import AssayWorkflows
import Foundation
import Testing

@Suite("Export and import of records")
struct RecordExportImportTests {
    /// The fixture's vendor with one event and one claimed certification.
    private func filled() throws -> WorkflowFixture {
        let fixture = try WorkflowFixture()
        var event = MarketEventDraft(
            vendor: "Acme Networks", type: .procurementBan, jurisdiction: try Jurisdiction("SE"),
            announcedOn: try PartialDate(parsing: "2021-01"))
        event.sourceRecordId = "SE-1"
        _ = try fixture.store.addEvent(event)
        var claim = CertificationDraft(vendor: "Acme Networks", scheme: try CertificationScheme("iso27001"))
        claim.number = "ACME-ISMS"
        claim.issuedOn = try day("2024-01-01")
        claim.validUntil = try day("2027-01-01")
        _ = try fixture.store.addCertification(claim, asOf: try day("2025-01-01"))
        return fixture
    }

    @Test("certifications exported as CSV import into another store and export again byte for byte")
    func certificationsRoundTrip() throws {
        let source = try filled()
        let csv = try RecordExport.certifications(in: source.store, vendor: "Acme Networks", format: .csv)
        let file = try source.directory.write("claims.csv", csv)
        let target = try WorkflowFixture()
        let summary = try CertificationImport.run(file, opening: target.opening)
        #expect(summary.added == 1 && summary.updated == 0 && target.openings == [.readWrite])
        #expect(try RecordExport.certifications(in: target.store, vendor: nil, format: .csv) == csv)
        #expect(try CertificationImport.run(file, opening: target.opening).unchanged == 1)
        let json = try target.directory.write(
            "claims.json", try RecordExport.certifications(in: target.store, vendor: nil, format: .json))
        #expect(try CertificationImport.run(json, opening: target.opening).unchanged == 1)
    }

    @Test("a certification file with a problem is refused before the store is opened")
    func badCertificationFile() throws {
        let target = try WorkflowFixture()
        let file = try target.directory.write("claims.csv", "vendor,scheme\nAcme Networks\n")
        #expect(throws: RegistryError.self) { try CertificationImport.run(file, opening: target.opening) }
        #expect(target.openings.isEmpty)
    }

    @Test("events export in both formats, each importable into a store with the vendor")
    func eventsRoundTrip() throws {
        let source = try filled()
        for format in RecordExport.Format.allCases {
            let text = try RecordExport.events(in: source.store, format: format)
            let file = try source.directory.write("events.\(format.rawValue)", text)
            let target = try WorkflowFixture()
            #expect(try target.store.importEvents(from: file).added == 1)
            #expect(try RecordExport.events(in: target.store, format: format) == text)
        }
    }
}
