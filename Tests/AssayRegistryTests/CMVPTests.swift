import AssayCore
import AssayRegistry
import Foundation
import Testing

struct CMVPTests {
    @Test(.enabled(if: Fixtures.certificationsAvailable, "certification fixtures absent"))
    func realModuleList() throws {
        let modules = try CMVPReader.read(path: Fixtures.certification("nist-cmvp-modules-active.json"))
        #expect(modules.count == 1073)
        let first = try #require(modules.first)
        #expect(first.certificateNumber == 5215)
        #expect(first.vendor == "Canonical Ltd.")
        #expect(first.standard == .fips140_3)
        #expect(first.sunsetDate == (try? CalendarDate(year: 2031, month: 3, day: 26)))
        #expect(first.overallLevel == 1)
        let hp = try #require(modules.first { $0.certificateNumber == 4947 })
        #expect(hp.validationDates.map(\.description) == ["2025-01-21", "2025-06-11", "2025-07-15"])
        let paloAlto = try #require(modules.first { $0.certificateNumber == 4768 })
        #expect(paloAlto.moduleName == "Palo Alto Networks SD-WAN Virtual Instant-On Network (vION)")
        #expect(
            Set(modules.map(\.moduleType)) == [
                "Software", "Hardware", "Firmware", "Software-Hybrid", "Firmware-Hybrid",
            ])
        #expect(modules.allSatisfy { !$0.validationDates.isEmpty && $0.status == "Active" })
        #expect(Set(modules.map(\.standard)) == [.fips140_2, .fips140_3])
    }

    private func parse(_ json: String) throws(RegistryError) -> [CMVPModule] {
        try CMVPReader.parse(Data(json.utf8), file: "cmvp.json")
    }

    private func module(_ fields: String) -> String {
        """
        {"modules": [{"Certificate Number": "1", "Vendor Name": "V", "Module Name": "M", "Module Type": "software",
          "Validation Date": "01/02/2020", "standard": "FIPS 140-2", "status": "active", "sunset_date": "1/1/2026",
          "overall_level": 2}, {\(fields)}]}
        """
    }

    @Test func newlinesAndCasingAreMended() throws {
        let modules = try parse(
            module(
                """
                "Certificate Number": "2", "Vendor Name": "V", "Module Name": "Crypto\\n  Module", "Module Type": "firmware-hybrid",
                "Validation Date": "02/07/200807/02/2010", "standard": "FIPS 140-3", "status": "ACTIVE"
                """))
        #expect(modules[0].moduleType == "Software")
        #expect(modules[1].moduleName == "Crypto Module")
        #expect(modules[1].moduleType == "Firmware-Hybrid")
        #expect(modules[1].status == "Active")
        #expect(modules[1].validationDates.map(\.description) == ["2008-02-07", "2010-07-02"])
        #expect(modules[1].sunsetDate == nil)
    }

    @Test func badValidationDateNamesRecordAndField() {
        let json = module(
            """
            "Certificate Number": "2", "Vendor Name": "V", "Module Name": "M", "Module Type": "Software",
            "Validation Date": "02/07/200813/45/2010", "standard": "FIPS 140-3", "status": "Active"
            """)
        #expect(
            throws: RegistryError.invalidField(
                file: "cmvp.json", at: .record(2), field: "Validation Date",
                reason: "'02/07/200813/45/2010' is not a run of MM/DD/YYYY dates")
        ) { try parse(json) }
    }

    @Test func missingKeyNamesRecordAndField() {
        let json = module(#""Certificate Number": "2""#)
        do {
            _ = try parse(json)
            Issue.record("accepted a module without fields")
        } catch {
            #expect(error.code == "registry.invalid-field")
            #expect(error.description.hasPrefix("cmvp.json: record 2: "))
        }
    }

    /// The NIST-CMVP-API crawler's `historical-modules.json`: the search table's columns and `Status`, no
    /// `standard`, `status`, `sunset_date` or `overall_level` (rows as published, certificate 4646 with two dates).
    static let historical = """
        {"metadata": {"total_historical_modules": 2, "version": "2.0"},
         "modules": [
          {"Certificate Number_url": "https://csrc.nist.gov/projects/cryptographic-module-validation-program/certificate/4651",
           "Certificate Number": "4651", "Vendor Name": "Cisco Systems, Inc.",
           "Module Name": "Cisco ISR 4000 Series Routers with MACSEC", "Module Type": "Hardware",
           "Validation Date": "11/02/2023", "Status": "Historical",
           "security_policy_url": "https://csrc.nist.gov/CSRC/media/projects/cryptographic-module-validation-program/documents/security-policies/140sp4651.pdf"},
          {"Certificate Number": "4646", "Vendor Name": "Dell Australia Pty Limited, BSAFE Product Team",
           "Module Name": "RSA BSAFE® Crypto-J JSAFE and JCE Software Module 6.2.5", "Module Type": "Software",
           "Validation Date": "10/25/202312/21/2023", "Status": "Historical"}
         ]}
        """

    @Test func historicalListWithoutStandardIsRead() throws {
        let modules = try parse(Self.historical)
        #expect(modules.map(\.certificateNumber) == [4651, 4646])
        #expect(modules.allSatisfy { $0.status == "Historical" && $0.standard == nil && $0.sunsetDate == nil })
        #expect(modules[0].overallLevel == nil)
        #expect(modules[1].validationDates.map(\.description) == ["2023-10-25", "2023-12-21"])
        #expect(modules[1].moduleName == "RSA BSAFE® Crypto-J JSAFE and JCE Software Module 6.2.5")
    }

    @Test func theListAndTheRowGiveTheStatus() throws {
        let historical = try parse(
            """
            {"historical_modules": [{"Certificate Number": "1", "Vendor Name": "V", "Module Name": "M",
              "Module Type": "Software", "Validation Date": "01/02/2015", "Standard": "FIPS 140-2",
              "Sunset Date": "1/1/2021", "Overall Level": "2"}]}
            """)
        #expect(historical[0].status == "Historical")
        #expect(historical[0].standard == .fips140_2)
        #expect(historical[0].sunsetDate == (try? CalendarDate(year: 2021, month: 1, day: 1)))
        #expect(historical[0].overallLevel == 2)
        let revoked = try parse(
            """
            {"revoked_modules": [{"Certificate Number": "2", "Vendor Name": "V", "Module Name": "M",
              "Module Type": "Hardware", "Validation Date": ""}]}
            """)
        #expect(revoked[0].status == "Revoked")
        #expect(revoked[0].validationDates.isEmpty)
        let mixed = try parse(
            module(
                """
                "Certificate Number": "3", "Vendor Name": "V", "Module Name": "M", "Module Type": "Software",
                "Validation Date": "01/02/2020", "Status": " REVOKED ", "overall_level": null
                """))
        #expect(mixed.map(\.status) == ["Active", "Revoked"])
        #expect(mixed[1].overallLevel == nil)
    }

    @Test func anUnknownStatusOrLevelNamesRecordAndField() {
        let status = module(
            """
            "Certificate Number": "2", "Vendor Name": "V", "Module Name": "M", "Module Type": "Software",
            "Validation Date": "01/02/2020", "Status": "Suspended"
            """)
        #expect(
            throws: RegistryError.invalidField(
                file: "cmvp.json", at: .record(2), field: "Status",
                reason: "'Suspended' is not Active, Historical or Revoked")
        ) { try parse(status) }
        let level = module(
            """
            "Certificate Number": "2", "Vendor Name": "V", "Module Name": "M", "Module Type": "Software",
            "Validation Date": "01/02/2020", "Overall Level": "high"
            """)
        #expect(
            throws: RegistryError.invalidField(
                file: "cmvp.json", at: .record(2), field: "Overall Level", reason: "is not a level (1 to 4)")
        ) { try parse(level) }
    }

    @Test func wrongShapeAndGarbage() {
        #expect(throws: RegistryError.wrongShape(file: "cmvp.json", reason: "the top level is not an object")) {
            try parse("[1, 2]")
        }
        #expect(throws: RegistryError.wrongShape(file: "cmvp.json", reason: "'modules' is missing")) { try parse("{}") }
        #expect(throws: RegistryError.wrongShape(file: "cmvp.json", reason: "the file is not valid JSON")) {
            try parse("\u{1}garbage")
        }
        #expect(throws: RegistryError.empty(file: "cmvp.json")) { try parse("") }
        #expect(throws: RegistryError.wrongShape(file: "cmvp.json", reason: "'modules' is not an array")) {
            try parse(#"{"modules": {"a": 1}}"#)
        }
    }
}
