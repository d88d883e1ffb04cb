import AssayCore
import AssayStore
import AssayTestSupport
import Testing

@Suite struct EventImportTests {
    let fixture: StoreFixture
    static let header = EventFile.columns.joined(separator: ",")

    init() throws {
        fixture = try StoreFixture()
        try fixture.vendor("Huawei Technologies Co., Ltd.", aliases: ["Huawei"])
        try fixture.vendor("ZTE")
    }

    func write(_ name: String, _ rows: String...) throws -> String {
        try fixture.directory.write(name, ([Self.header] + rows).joined(separator: "\n") + "\n")
    }

    @Test func reimportingChangesNothingAndEditedRowsUpdate() throws {
        let denial = "ZTE,false,US,BIS,sanctions-listing,,,2018-04-16,2018-04-16,2018-07-13,lifted,,,"
        let listing = "Huawei,true,US,BIS,entity-list-listing,Entity List,,2019-05-16,,,active,,bis-2019-10616,"
        let first = try write("events.csv", denial, listing)
        #expect(try fixture.store.importEvents(from: first) == summary(added: 2))
        #expect(try fixture.store.importEvents(from: first) == summary(unchanged: 2))
        let renamed = listing.replacingOccurrences(of: "Entity List,", with: "Entity List (EAR part 744),")
            .replacingOccurrences(of: "2019-05-16", with: "2019-05")
        let second = try write("events-2.csv", denial, renamed)
        #expect(try fixture.store.importEvents(from: second) == summary(updated: 1, unchanged: 1))
        let events = try fixture.store.events()
        #expect(events.count == 2)
        #expect(
            events.last?.program == "Entity List (EAR part 744)" && events.last?.announcedOn.description == "2019-05")
    }

    @Test func everyRowProblemIsReportedWithFileLineAndFieldAndNothingIsWritten() throws {
        let file = try write(
            "bad.csv",
            "ZTE,false,US,,sanctions-listing,,,2018-04-16,,,active,,,",
            "ZTF,false,US,,investigation,,,2012-10-08,,,active,,,",
            "ZTE,false,UK,,ban,,,2013-13,,,active,,,",
            "ZTE,maybe,US,,market-exit,,,2019,2019-05-16,2018,active,,,"
        )
        #expect { try fixture.store.importEvents(from: file) } throws: { error in
            guard case .importProblems(let problems) = error as? StoreError else { return false }
            return problems.map(\.description) == [
                "\(file):3:vendor: unknown vendor 'ZTF' (did you mean 'ZTE'?)",
                "\(file):4:type: invalid type 'ban': expected one of "
                    + MarketEventType.allCases.map(\.rawValue)
                    .joined(separator: ", "),
                "\(file):4:jurisdiction: invalid jurisdiction 'UK' (did you mean 'GB'?): expected an ISO 3166-1 alpha-2 "
                    + "code such as US or GB, or a bloc: EU, EEA",
                "\(file):4:announcedOn: invalid date '2013-13': expected YYYY, YYYY-MM or YYYY-MM-DD (an existing month or day)",
                "\(file):5:appliesToAffiliates: invalid appliesToAffiliates 'maybe': expected one of true, false",
            ]
        }
        let reversed = try write("range.csv", "ZTE,false,US,,market-exit,,,2019,2019-05-16,2018,active,,,")
        #expect { try fixture.store.importEvents(from: reversed) } throws: { error in
            (error as? StoreError)?.description
                == "\(reversed):2:effectiveTo: the end date 2018 is before the start date 2019-05-16"
        }
        #expect(try fixture.store.events().isEmpty)
    }

    @Test func jsonRowsAreNamedByTheLineTheyStartOn() throws {
        let file = try fixture.directory.write(
            "events.json",
            """
            [
              {"vendor": "ZTE", "type": "investigation", "jurisdiction": "US", "announcedOn": "2012-10-08"},
              {
                "vendor": "ZTE", "type": "market-entry", "jurisdiction": "EU",
                "announcedOn": "2013-02-30"
              }
            ]
            """)
        #expect { try fixture.store.importEvents(from: file) } throws: { error in
            (error as? StoreError)?.description.hasPrefix("\(file):3:announcedOn: invalid date '2013-02-30'") == true
        }
    }

    @Test func exportImportExportRoundTrips() throws {
        let original = try fixture.directory.write(
            "events.csv",
            try String(
                contentsOfFile: Paths.packageRoot + "/Scripts/demo-data/events.csv", encoding: .utf8))
        #expect(try fixture.store.importEvents(from: original).added == 18)
        for (name, render) in [("out.csv", { EventFile.csv($0) }), ("out.json", { try EventFile.json($0) })]
            as [(String, ([MarketEvent]) throws -> String)]
        {
            let exported = try render(try fixture.store.events())
            let copy = try StoreFixture()
            try copy.vendor("Huawei Technologies Co., Ltd.", aliases: ["Huawei"])
            try copy.vendor("ZTE")
            #expect(try copy.store.importEvents(from: try fixture.directory.write(name, exported)).added == 18)
            #expect(try render(try copy.store.events()) == exported, "\(name)")
            #expect(try fixture.store.importEvents(from: fixture.directory.file(name)).unchanged == 18)
        }
    }

    func summary(added: Int = 0, updated: Int = 0, unchanged: Int = 0) -> ImportSummary {
        var summary = ImportSummary()
        summary.added = added
        summary.updated = updated
        summary.unchanged = unchanged
        return summary
    }
}
