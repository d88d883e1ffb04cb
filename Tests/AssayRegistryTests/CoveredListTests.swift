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
