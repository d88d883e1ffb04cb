import AssayCore
import AssayRegistry
import Foundation
import Testing

struct CertificationFileTests {
    /// Two records: one with every field, one with only the required ones.
    static func records() throws -> [CertificationRecord] {
        [
            CertificationRecord(
                vendor: "ACME, Inc.", scheme: "Common Criteria", certificateNumber: "BSI-DSZ-CC-1234-2024",
                issuer: "BSI", lab: "TÜV Informationstechnik", product: "Box \"Pro\"", versions: ["1.0", "1.1"],
                scope: "Firmware,\nincluding the boot loader", issuedOn: try date(2024, 3, 1),
                validUntil: try date(2029, 3, 1),
                status: .active, notes: "claimed in RFP answer"),
            CertificationRecord(
                vendor: "Beta GmbH", scheme: "ISO/IEC 27001", certificateNumber: "27001-99",
                issuedOn: try date(2023, 12, 31),
                status: .withdrawn),
        ]
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) throws -> CalendarDate {
        try CalendarDate(year: year, month: month, day: day)
    }

    @Test func csvRoundTrips() throws {
        let records = try Self.records()
        let text = CertificationFile.csv(records)
        #expect(
            text.hasPrefix(
                "vendor,scheme,certificate_number,issuer,lab,product,versions,scope,issued_on,valid_until,status,notes\r\n"
            ))
        #expect(try CertificationFile.parseCSV(Array(text.utf8), file: "c.csv") == records)
    }

    @Test func jsonRoundTrips() throws {
        let records = try Self.records()
        let data = try CertificationFile.json(records)
        #expect(try CertificationFile.parseJSON(data, file: "c.json") == records)
    }

    @Test func readDetectsTheFormatFromContent() throws {
        let records = try Self.records()
        let csvPath = FileManagerTemp.file("claims.txt")
        try FileManagerTemp.write(CertificationFile.csv(records), to: csvPath)
        #expect(try CertificationFile.read(path: csvPath) == records)
        let jsonPath = FileManagerTemp.file("claims.data")
        try FileManagerTemp.write([UInt8](try CertificationFile.json(records)), to: jsonPath)
        #expect(try CertificationFile.read(path: jsonPath) == records)
    }

    @Test func csvRowErrorsNameLineAndField() {
        let header = "vendor,scheme,certificate_number,issued_on,status\n"
        #expect(
            throws: RegistryError.invalidField(
                file: "c.csv", at: .line(3), field: "issued_on", reason: "'03/01/2024' is not a date (YYYY-MM-DD)")
        ) {
            try CertificationFile.parseCSV(
                Array((header + "A,S,1,2024-03-01,active\nA,S,2,03/01/2024,active\n").utf8), file: "c.csv")
        }
        #expect(
            throws: RegistryError.invalidField(
                file: "c.csv", at: .line(2), field: "certificate_number", reason: "is empty")
        ) {
            try CertificationFile.parseCSV(Array((header + "A,S,,2024-03-01,active\n").utf8), file: "c.csv")
        }
        do {
            _ = try CertificationFile.parseCSV(Array((header + "A,S,1,2024-03-01,valid\n").utf8), file: "c.csv")
            Issue.record("accepted status 'valid'")
        } catch {
            #expect(error.description.hasPrefix("c.csv: line 2: status: 'valid' is not one of active"))
        }
        #expect(throws: RegistryError.missingColumns(file: "c.csv", columns: ["issued_on", "status"])) {
            try CertificationFile.parseCSV(Array("vendor,scheme,certificate_number\nA,S,1\n".utf8), file: "c.csv")
        }
        #expect(throws: RegistryError.wrongEncoding(file: "c.csv", at: .line(2), expected: "UTF-8", found: nil)) {
            try CertificationFile.parseCSV(
                Array((header + "Caf").utf8) + [0xE9] + Array(",S,1,2024-03-01,active\n".utf8), file: "c.csv")
        }
    }

    @Test func unknownFieldsAreRefused() {
        let csv = "vendor,scheme,certificate_number,issued_on,status,valid_untill\nA,S,1,2024-03-01,active,2025-01-01\n"
        #expect(throws: RegistryError.unknownColumns(file: "c.csv", columns: ["valid_untill"])) {
            try CertificationFile.parseCSV(Array(csv.utf8), file: "c.csv")
        }
        let json =
            #"{"version": 1, "certifications": [{"vendor": "A", "scheme": "S", "certificate_number": "1", "issued_on": "2024-03-01", "status": "active", "valid_untill": "2025-01-01"}]}"#
        #expect(
            throws: RegistryError.invalidField(
                file: "c.json", at: .record(1), field: "valid_untill", reason: "is not a field of the format")
        ) { try CertificationFile.parseJSON(Data(json.utf8), file: "c.json") }
    }

    @Test func jsonErrorsNameRecordAndField() {
        let json =
            #"{"version": 1, "certifications": [{"vendor": "A", "scheme": "S", "certificate_number": "1", "issued_on": "2024-13-01", "status": "active"}]}"#
        do {
            _ = try CertificationFile.parseJSON(Data(json.utf8), file: "c.json")
            Issue.record("accepted month 13")
        } catch {
            #expect(error.code == "registry.invalid-field")
            #expect(error.description.hasPrefix("c.json: record 1: issued_on: "))
        }
        #expect(throws: RegistryError.wrongShape(file: "c.json", reason: "format version 2, expected 1")) {
            try CertificationFile.parseJSON(Data(#"{"version": 2, "certifications": []}"#.utf8), file: "c.json")
        }
    }
}
