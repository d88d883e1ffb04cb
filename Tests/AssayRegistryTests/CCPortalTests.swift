import AssayCore
import AssayRegistry
import Testing

struct CCPortalTests {
    static let header =
        "\"Category\",\"Name\",\"Manufacturer\",\"Scheme\",\"Assurance Level\",\"Protection Profile(s)\",\"Certification Date\",\"Archived Date\",\"Certification Report URL\",\"Security Target URL\",\"Maintenance Date\",\"Maintenance Title\",\"Maintenance Report\",\"Maintenance ST\"\r\n"

    private func products(_ bytes: [UInt8], listing: CCListing = .active) throws(RegistryError) -> [CCProduct] {
        var reader = try CCPortalReader(reader: CSVReader(bytes: bytes, file: "cc.csv"), listing: listing)
        return try reader.readAll()
    }

    @Test(.enabled(if: Fixtures.certificationsAvailable, "certification fixtures absent"))
    func realPortalFile() throws {
        var reader = try CCPortalReader(path: Fixtures.certification("cc-portal-products-active.csv"))
        let products = try reader.readAll()
        #expect(products.count == 3)
        let netIQ = try #require(products.first)
        #expect(netIQ.name == "NetIQ Identity Manager 4.7")
        #expect(netIQ.manufacturer == "NetIQ Corporation")
        #expect(netIQ.scheme == "SE")
        #expect(netIQ.assuranceLevel?.eal == 3)
        #expect(netIQ.assuranceLevel?.isAugmented == true)
        #expect(netIQ.assuranceLevel?.augmentations == ["ALC_FLR.2"])
        #expect(netIQ.certificationDate == (try? CalendarDate(year: 2020, month: 6, day: 15)))
        #expect(netIQ.archivedDate == (try? CalendarDate(year: 2025, month: 6, day: 15)))
        #expect(netIQ.certificationReportURL?.contains("NetIQ® Identity Manager") == true)
        #expect(netIQ.listing == .active)
        #expect(products[1].assuranceLevel == nil)
        #expect(products[1].protectionProfiles == ["KECS-PP-0822-2017 SSO V1.0"])
        let fortinet = products[2]
        #expect(fortinet.name == "Fortinet FortiGate w/ FortiOS v5.6.7")
        #expect(fortinet.maintenanceUpdates.count == 1)
        #expect(fortinet.maintenanceUpdates.first?.date == (try? CalendarDate(year: 2019, month: 8, day: 26)))
        #expect(fortinet.maintenanceUpdates.first?.title == "Fortinet FortiGate w/ FortiOS v5.6.7 Build 6022")
        #expect(fortinet.line == 4)
    }

    @Test func consecutiveRowsOfOneCertificateGatherMaintenanceUpdates() throws {
        let row = "\"Cat\",\"Box\",\"ACME GmbH\",\"DE\",\"EAL4+\",\"PP1, PP2\",\"01/02/2020\",\"\",\"r\",\"s\","
        let text =
            Self.header + row + "\"03/04/2021\",\"Box 1.1\",\"\",\"\"\r\n" + row
            + "\"05/06/2022\",\"Box 1.2\",\"\",\"\"\r\n"
            + "\"Cat\",\"Other\",\"ACME GmbH\",\"DE\",\"EAL2\",\"\",\"01/02/2020\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n"
        let products = try products(Array(text.utf8), listing: .archived)
        #expect(products.count == 2)
        #expect(products[0].maintenanceUpdates.map(\.title) == ["Box 1.1", "Box 1.2"])
        #expect(products[0].protectionProfiles == ["PP1", "PP2"])
        #expect(products[0].assuranceLevel?.description == "EAL4+")
        #expect(products[1].maintenanceUpdates.isEmpty)
        #expect(products[1].listing == .archived)
    }

    @Test func windows1252IsDecodedPerField() throws {
        var bytes = Array((Self.header + "\"Cat\",\"Caf").utf8)
        bytes += [0xE9, 0x99]  // é ™ in Windows-1252
        bytes += Array("\",\"M\",\"FR\",\"None\",\"\",\"01/02/2020\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n".utf8)
        #expect(try products(bytes).first?.name == "Café™")
    }

    @Test func unparseableDateNamesLineAndField() {
        let text =
            Self.header
            + "\"Cat\",\"Box\",\"M\",\"DE\",\"None\",\"\",\"2020-01-02\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n"
        #expect(
            throws: RegistryError.invalidField(
                file: "cc.csv", at: .line(2), field: "Certification Date",
                reason: "'2020-01-02' is not a date (MM/DD/YYYY)")
        ) { try products(Array(text.utf8)) }
    }

    @Test func missingColumnsAreNamed() {
        let text = "\"Category\",\"Name\",\"Manufacturer\"\r\n\"a\",\"b\",\"c\"\r\n"
        do {
            _ = try products(Array(text.utf8))
            Issue.record("accepted a file without the portal's columns")
        } catch {
            #expect(error.code == "registry.missing-columns")
            #expect(error.description.contains("'Certification Date'"))
        }
    }

    @Test func utf16IsTheWrongEncoding() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Self.header.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(
            throws: RegistryError.wrongEncoding(file: "cc.csv", at: .line(1), expected: "Windows-1252", found: "UTF-16")
        ) {
            try products(bytes)
        }
    }

    @Test func undefinedWindows1252ByteIsTheWrongEncoding() {
        var bytes = Array((Self.header + "\"Cat\",\"X").utf8) + [0x81]
        bytes += Array("\",\"M\",\"FR\",\"None\",\"\",\"01/02/2020\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n".utf8)
        #expect(throws: RegistryError.wrongEncoding(file: "cc.csv", at: .line(2), expected: "Windows-1252", found: nil))
        {
            try products(bytes)
        }
    }

    @Test func utf8ConvertedFileIsRefusedRatherThanGarbled() {
        let text =
            Self.header
            + "\"Cat\",\"Café\",\"M\",\"FR\",\"None\",\"\",\"01/02/2020\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n"
        let expected = RegistryError.wrongEncoding(
            file: "cc.csv", at: .line(2), expected: "Windows-1252", found: "UTF-8")
        #expect(throws: expected) { try products(Array(text.utf8)) }
        #expect(expected.description == "cc.csv: line 2: UTF-8 text where Windows-1252 is expected")
    }

    @Test func emptyAndGarbageInputs() {
        #expect(throws: RegistryError.empty(file: "cc.csv")) { try products([]) }
        #expect(throws: RegistryError.self) { try products([0x00, 0x01, 0x02, 0xFF, 0x10]) }
    }

    @Test func wrongFieldCountNamesTheLine() {
        let text = Self.header + "\"Cat\",\"Box\"\r\n"
        #expect(
            throws: RegistryError.malformedCSV(file: "cc.csv", at: .line(2), reason: "2 fields where the header has 14")
        ) {
            try products(Array(text.utf8))
        }
    }
}
