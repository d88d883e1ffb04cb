import AssayCore
import AssayRegistry
import Foundation
import Testing

struct CertificationFileTests {
    /// Three records: one with every field, one with a number and dates, one with only the required fields.
    static func records() throws -> [CertificationRecord] {
        [
            CertificationRecord(
                vendor: "ACME, Inc.", scheme: "Common Criteria", certificateNumber: "BSI-DSZ-CC-1234-2024",
                level: "EAL4+", augmentations: ["ALC_FLR.2", "AVA_VAN.5"], issuer: "BSI",
                lab: "TÜV Informationstechnik", product: "Box \"Pro\"", versions: ["1.0", "1.1"],
                scope: "Firmware,\nincluding the boot loader", auditPeriodStart: try date(2023, 1, 1),
                auditPeriodEnd: try date(2023, 6, 30), issuedOn: try date(2024, 3, 1),
                validUntil: try date(2029, 3, 1), status: .active, notes: "claimed in RFP answer",
                claimKey: "0b6f7c1e-5f0e-4d43-9a55-0c3f1b1c2d3e"),
            CertificationRecord(
                vendor: "Beta GmbH", scheme: "ISO/IEC 27001", certificateNumber: "27001-99",
                issuedOn: try date(2023, 12, 31), status: .withdrawn),
            CertificationRecord(vendor: "Beta GmbH", scheme: "SOC 2", status: .suspended),
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
                "vendor,scheme,certificate_number,level,augmentations,issuer,lab,product,versions,scope,"
                    + "audit_period_start,audit_period_end,issued_on,valid_until,status,notes,claim_key\r\n"
            ))
        #expect(text.hasSuffix("\r\nBeta GmbH,SOC 2,,,,,,,,,,,,,suspended,,\r\n"))
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
            throws: RegistryError.invalidField(file: "c.csv", at: .line(2), field: "vendor", reason: "is empty")
        ) {
            try CertificationFile.parseCSV(Array((header + ",S,,2024-03-01,active\n").utf8), file: "c.csv")
        }
        #expect(
            throws: RegistryError.invalidField(
                file: "c.csv", at: .line(2), field: "audit_period_end",
                reason: "is empty, but audit_period_start is given")
        ) {
            try CertificationFile.parseCSV(
                Array("vendor,scheme,status,audit_period_start\nA,S,active,2024-01-01\n".utf8), file: "c.csv")
        }
        do {
            _ = try CertificationFile.parseCSV(Array((header + "A,S,1,2024-03-01,valid\n").utf8), file: "c.csv")
            Issue.record("accepted status 'valid'")
        } catch {
            #expect(error.description.hasPrefix("c.csv: line 2: status: 'valid' is not one of active"))
        }
        #expect(throws: RegistryError.missingColumns(file: "c.csv", columns: ["status"])) {
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
        #expect(throws: RegistryError.wrongShape(file: "c.json", reason: "format version 3, expected 1 or 2")) {
            try CertificationFile.parseJSON(Data(#"{"version": 3, "certifications": []}"#.utf8), file: "c.json")
        }
        let reversed =
            #"{"version": 2, "certifications": [{"vendor": "A", "scheme": "soc2", "status": "active", "audit_period_start": "2024-06-30", "audit_period_end": "2024-01-01"}]}"#
        #expect(
            throws: RegistryError.invalidField(
                file: "c.json", at: .record(1), field: "audit_period_end",
                reason: "2024-01-01 is before audit_period_start 2024-06-30")
        ) { try CertificationFile.parseJSON(Data(reversed.utf8), file: "c.json") }
    }

    /// Files written before levels, audit periods and claim keys (format version 1) still read.
    @Test func versionOneFilesStillRead() throws {
        let json =
            #"{"version": 1, "certifications": [{"vendor": "A", "scheme": "S", "certificate_number": "1", "issued_on": "2024-03-01", "status": "active"}]}"#
        let records = try CertificationFile.parseJSON(Data(json.utf8), file: "c.json")
        #expect(
            records == [
                CertificationRecord(
                    vendor: "A", scheme: "S", certificateNumber: "1", issuedOn: try Self.date(2024, 3, 1),
                    status: .active)
            ])
    }
}
