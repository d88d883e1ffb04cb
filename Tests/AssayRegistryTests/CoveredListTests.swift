import AssayCore
import AssayRegistry
import Testing

struct CoveredListTests {
    static let csv = """
        covered_equipment_or_services,date_of_inclusion_on_covered_list
        "Telecommunications equipment produced by Huawei Technologies Company, including telecommunications or video surveillance services provided or facilitated by Huawei Technologies Company or using such equipment.","March 12, 2021"
        "Video surveillance and telecommunications equipment produced by Hytera Communications Corporation, to the extent it is used for the purpose of public safety, security of government facilities, physical security surveillance of critical infrastructure, and other national security purposes, including telecommunications or video surveillance services provided by such entity or using such equipment.","March 12, 2021"
        "Information security products, solutions, and services supplied, directly or indirectly, by AO Kaspersky Lab or any of its predecessors, successors, parents, subsidiaries, or affiliates.","March 25, 2022"
        "International telecommunications services provided by China Mobile International USA Inc. subject to section 214 of the Communications Act of 1934.","Mar 25, 2022"

        """

    @Test func entitiesDatesAndScopes() throws {
        let entries = try CoveredListReader.parse(Array(Self.csv.utf8), file: "covered.csv")
        #expect(entries.count == 4)
        #expect(entries[0].entityCandidates == ["Huawei Technologies Company"])
        #expect(entries[0].dateOfInclusion == (try? CalendarDate(year: 2021, month: 3, day: 12)))
        #expect(entries[0].scopeLimitation == nil)
        #expect(entries[1].entityCandidates == ["Hytera Communications Corporation"])
        #expect(
            entries[1].scopeLimitation
                == "to the extent it is used for the purpose of public safety, security of government facilities, physical security surveillance of critical infrastructure, and other national security purposes"
        )
        #expect(entries[2].entityCandidates == ["AO Kaspersky Lab"])
        #expect(entries[3].entityCandidates == ["China Mobile International USA Inc."])
        #expect(entries[3].dateOfInclusion == (try? CalendarDate(year: 2022, month: 3, day: 25)))
        #expect(entries.map(\.line) == [2, 3, 4, 5])
    }

    @Test(.enabled(if: Fixtures.coveredListAvailable, "market-access fixtures absent"))
    func realSnapshot() throws {
        let entries = try CoveredListReader.read(path: Fixtures.coveredList)
        #expect(entries.count == 13)
        #expect(entries.map(\.line) == Array(2...14))
        #expect(
            entries.map(\.entityCandidates) == [
                ["Huawei Technologies Company"], ["ZTE Corporation"], ["Hytera Communications Corporation"],
                ["Hangzhou Hikvision Digital Technology Company"], ["Dahua Technology Company"], ["AO Kaspersky Lab"],
                ["China Mobile International USA Inc."], ["China Telecom (Americas) Corp."],
                ["Pacific Networks Corp", "ComNet (USA) LLC"], ["China Unicom (Americas) Operations Limited"],
                ["Kaspersky Lab, Inc."], [], [],
            ])
        #expect(entries[8].dateOfInclusion == (try? CalendarDate(year: 2022, month: 9, day: 20)))
        let drones = entries[11]
        #expect(drones.isCategory)
        #expect(drones.dateOfInclusion == (try? CalendarDate(year: 2025, month: 12, day: 22)))
        #expect(drones.updatedOn.map(\.description) == ["2026-01-07", "2026-03-18"])
        #expect(entries[12].isCategory && entries[12].description.hasPrefix("Routers^ produced in a foreign country"))
        #expect(entries[12].dateOfInclusion == (try? CalendarDate(year: 2026, month: 3, day: 23)))
        #expect(entries.filter { $0.scopeLimitation != nil }.map(\.line) == [4, 5, 6])
    }

    /// Rows in the shapes later snapshots take: footnote marks inside names and dates, a heading without a date,
    /// a repeated header, abbreviated and amended dates, a company named only as "such entity".
    @Test func laterShapesAreReadNotRefused() throws {
        let csv = """
            covered_equipment_or_services,date_of_inclusion_on_covered_list
            Communications equipment and services,
            Covered Equipment or Services,Date of Inclusion on Covered List
            "Modules produced by Acme Wireless Company†, including services provided by such entity.","Sept. 9, 2024*"
            "Cameras manufactured by Example Vision Co., Ltd.^ and its subsidiary Example Vision (USA) Inc.","March 1, 2025 (amended April 2, 2025)"
            "Services provided by such entity or by any entity owned by it","2024-01-05"

            """
        let entries = try CoveredListReader.parse(Array(csv.utf8), file: "covered.csv")
        #expect(entries.map(\.isCategory) == [true, true, false, false, true])
        #expect(entries[0].dateOfInclusion == nil && entries[1].dateOfInclusion == nil)
        #expect(entries[2].entityCandidates == ["Acme Wireless Company"])
        #expect(entries[2].dateOfInclusion == (try? CalendarDate(year: 2024, month: 9, day: 9)))
        #expect(entries[3].entityCandidates == ["Example Vision Co., Ltd.", "Example Vision (USA) Inc."])
        #expect(entries[3].updatedOn.map(\.description) == ["2025-04-02"])
        #expect(entries[4].dateOfInclusion == (try? CalendarDate(year: 2024, month: 1, day: 5)))
    }

    @Test func anEntityRowNeedsADate() {
        let csv = "covered_equipment_or_services,date_of_inclusion_on_covered_list\n\"Gear produced by X Corp\",\n"
        #expect(
            throws: RegistryError.invalidField(
                file: "covered.csv", at: .line(2), field: "date_of_inclusion_on_covered_list", reason: "is empty")
        ) { try CoveredListReader.parse(Array(csv.utf8), file: "covered.csv") }
    }

    @Test func badDateNamesLineAndField() {
        let csv =
            "covered_equipment_or_services,date_of_inclusion_on_covered_list\n\"Gear produced by X Corp\",\"Smarch 12, 2021\"\n"
        #expect(
            throws: RegistryError.invalidField(
                file: "covered.csv", at: .line(2), field: "date_of_inclusion_on_covered_list",
                reason: "'Smarch 12, 2021' is not a date (Month D, YYYY)")
        ) { try CoveredListReader.parse(Array(csv.utf8), file: "covered.csv") }
    }

    @Test func missingColumn() {
        #expect(
            throws: RegistryError.missingColumns(file: "covered.csv", columns: ["date_of_inclusion_on_covered_list"])
        ) {
            try CoveredListReader.parse(Array("covered_equipment_or_services\nx\n".utf8), file: "covered.csv")
        }
    }
}
