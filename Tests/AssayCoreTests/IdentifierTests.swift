import AssayCore
import Testing

@Suite struct IdentifierTests {
    // Real LEIs from the GLEIF register.
    @Test(arguments: ["5493001KJTIIGC8Y1R12", "HWUPKR0MPOU8FGXBT394", "529900T8BM49AURSDO55", "7LTWFZYICNSX8D621K86"])
    func validLEIs(lei: String) throws {
        #expect(try LEI(lei).value == lei)
        #expect(try LEI(lei.lowercased()).value == lei)
    }

    @Test func invalidLEIsSayWhy() {
        #expect(throws: ValueError.invalidLEI("5493001KJTIIGC8Y1R13", reason: "check digits do not match (ISO 17442 MOD 97-10)")) {
            try LEI("5493001KJTIIGC8Y1R13")
        }
        #expect(throws: ValueError.invalidLEI("5493001KJTIIGC8Y1R1", reason: "an LEI has 20 characters, this has 19")) {
            try LEI("5493001KJTIIGC8Y1R1")
        }
        #expect(throws: ValueError.invalidLEI("5493001KJTIIGC8Y1R-2", reason: "only digits and letters A-Z are allowed")) {
            try LEI("5493001KJTIIGC8Y1R-2")
        }
    }

    @Test func identifiersParseKindAndValue() throws {
        let duns = try LegalIdentifier(parsing: "DUNS=123456789")
        #expect(duns.kind == "duns" && duns.value == "123456789")
        #expect(throws: ValueError.invalidIdentifier("123456789")) { try LegalIdentifier(parsing: "123456789") }
        #expect(throws: ValueError.self) { try LegalIdentifier(parsing: "lei=5493001KJTIIGC8Y1R13") }
    }

    @Test func countries() throws {
        #expect(try CountryCode("cn").code == "CN")
        #expect(try CountryCode("GB").name == "United Kingdom")
        #expect(throws: ValueError.invalidCountry("UK")) { try CountryCode("UK") }
        #expect(throws: ValueError.invalidCountry("EU")) { try CountryCode("EU") }
        #expect(throws: ValueError.invalidCountry("CHN")) { try CountryCode("CHN") }
    }

    @Test func schemesAndLevels() throws {
        #expect(try CertificationScheme("ISO27001").builtin == .iso27001)
        #expect(try CertificationScheme("FIPS140-3").id == "fips140-3")
        #expect(try CertificationScheme("TISAX").builtin == nil)
        let cc = try CertificationScheme("cc")
        #expect(try cc.normalizedLevel("eal4+", auditPeriod: nil) == "EAL4+")
        #expect(try cc.normalizedLevel("4", auditPeriod: nil) == "EAL4")
        #expect(throws: ValueError.self) { try cc.normalizedLevel("EAL8", auditPeriod: nil) }
        let fips = try CertificationScheme("fips140-3")
        #expect(try fips.normalizedLevel("Level 2", auditPeriod: nil) == "2")
        let soc2 = try CertificationScheme("soc2")
        #expect(throws: ValueError.self) { try soc2.normalizedLevel("II", auditPeriod: nil) }
        let period = try CalendarDate(iso: "2025-01-01")...CalendarDate(iso: "2025-06-30")
        #expect(try soc2.normalizedLevel("type ii", auditPeriod: period) == "II")
        #expect(throws: ValueError.self) { try CertificationScheme("iso27001").normalizedLevel("1", auditPeriod: nil) }
    }

    @Test func validityIsDerivedAsOfADay() throws {
        let issued = try CalendarDate(iso: "2024-01-01")
        let until = try CalendarDate(iso: "2026-12-31")
        func validity(_ status: CertificationStatus, _ day: String) throws -> Validity {
            Validity(status: status, issuedOn: issued, validUntil: until, on: try CalendarDate(iso: day))
        }
        #expect(try validity(.active, "2023-12-31") == .notYetValid)
        #expect(try validity(.active, "2024-01-01") == .valid)
        #expect(try validity(.active, "2026-12-31") == .valid)
        #expect(try validity(.active, "2027-01-01") == .expired)
        #expect(try validity(.suspended, "2025-01-01") == .suspended)
    }
}
