import AssayTestSupport
import Foundation
import Testing

/// `registry import fcc-covered-list` on the real snapshot of `../shared/fixtures/market-access`, through the binary.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (the FCC Covered List snapshot)"))
struct CoveredListCommandTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }
    let coveredList = Paths.fixtures + "/market-access/fcc-covered-list-2026-05-21.csv"

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    func addVendors() throws {
        try assay("vendor", "add", "Huawei Technologies Co., Ltd.", "--country", "CN", "--alias", "Huawei")
        try assay("vendor", "add", "Huawei Device Co., Ltd.", "--country", "CN", "--parent", "Huawei")
        try assay("vendor", "add", "ZTE", "--country", "CN", "--alias", "ZTE Corporation")
        try assay("vendor", "add", "China Telecom (Americas) Corporation", "--country", "US")
        // Two vendors that both fit 'Dahua Technology Company': linked to neither.
        try assay("vendor", "add", "Dahua Technology", "--country", "CN")
        try assay("vendor", "add", "Zhejiang Dahua", "--country", "CN", "--alias", "Dahua Technology Co., Ltd.")
    }

    /// A listing recorded by hand before the list was imported (as `Scripts/demo-data/events.csv` does) is taken
    /// over by the import, not recorded a second time.
    @Test func aListingRecordedByHandIsTakenOverNotDuplicated() throws {
        try addVendors()
        try assay(
            "event", "add", "ZTE", "--type", "equipment-authorization-ban", "--jurisdiction", "US", "--authority", "FCC",
            "--program", "Covered List (Secure and Trusted Communications Networks Act of 2019)", "--announced-on",
            "2021-03-12", "--applies-to-affiliates")
        let run = try assay("registry", "import", "fcc-covered-list", coveredList)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("event #1 updated: ZTE for 'ZTE Corporation' (line 3)"), "\(run.stdout)")
        let listed = try assay("event", "list", "--vendor", "ZTE", "--format", "json").stdout
        let events = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        #expect(events.count == 1)
        #expect(events.first?["sourceRecordId"] as? String == "fcc-covered-list:2021-03-12:zte")
        #expect(try assay("log", "verify").exitCode == 0)
    }

    @Test func entitiesBecomeBansOnMatchedVendorsAndTheRestIsListed() throws {
        try addVendors()
        let entries = try assay("log", "--format", "json").stdout
        let dry = try assay("registry", "import", "fcc-covered-list", coveredList, "--dry-run")
        #expect(dry.exitCode == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix("would import 13 fcc-covered-list rows from \(coveredList)"))
        #expect(dry.stdout.contains("3 added, 0 updated, 0 unchanged"))
        #expect(try assay("event", "list", "--format", "json").stdout == "[\n\n]\n")
        #expect(try assay("log", "--format", "json").stdout == entries)

        let run = try assay("registry", "import", "fcc-covered-list", coveredList)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix("3 added, 0 updated, 0 unchanged") == true)
        #expect(
            lines.contains("event #1 added: Huawei Technologies Co., Ltd. for 'Huawei Technologies Company' (line 2)"))
        #expect(lines.contains("event #2 added: ZTE for 'ZTE Corporation' (line 3)"))
        #expect(
            lines.contains(
                "event #3 added: China Telecom (Americas) Corporation for 'China Telecom (Americas) Corp.' (line 9)"))
        #expect(lines.contains("unmatched: 'Hytera Communications Corporation' (line 4) fits no vendor; not linked"))
        #expect(lines.contains("unmatched: 'ComNet (USA) LLC' (line 10) fits no vendor; not linked"))
        #expect(
            lines.contains(
                "ambiguous: 'Dahua Technology Company' (line 6) fits Dahua Technology, Zhejiang Dahua; not linked"))
        #expect(
            lines.filter { $0.hasPrefix("category: ") }.map { $0.prefix(35) } == [
                "category: line 13 names no company:", "category: line 14 names no company:",
            ])

        // The subsidiary inherits the listing; the event says what the FCC says.
        let device = try assay("event", "list", "--vendor", "Huawei Device Co., Ltd.", "--format", "json").stdout
        let events = try #require(try JSONSerialization.jsonObject(with: Data(device.utf8)) as? [[String: Any]])
        let ban = try #require(events.first)
        #expect(events.count == 1)
        #expect(ban["relation"] as? String == "inherited")
        #expect(ban["type"] as? String == "equipment-authorization-ban")
        #expect(ban["jurisdiction"] as? String == "US")
        #expect(ban["authority"] as? String == "FCC")
        #expect(ban["program"] as? String == "Covered List")
        #expect(ban["appliesToAffiliates"] as? Bool == true)
        #expect(ban["announcedOn"] as? String == "2021-03-12")
        #expect(ban["sourceRecordId"] as? String == "fcc-covered-list:2021-03-12:huawei-technologies")
        #expect((ban["notes"] as? String)?.hasPrefix("Telecommunications equipment produced by Huawei") == true)
        #expect(ban["scope"] == nil)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: ban), as: UTF8.self)
        #expect(try SchemaValidator.problems(in: text, schema: "event.schema.json") == nil)

        let again = try assay("registry", "import", "fcc-covered-list", coveredList, "--format", "json")
        #expect(try SchemaValidator.problems(in: again.stdout, schema: "covered-list-import.schema.json") == nil)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(report["added"] as? Int == 0 && report["updated"] as? Int == 0 && report["unchanged"] as? Int == 3)
        #expect(try assay("registry", "import", "fcc-covered-list", coveredList).stdout.hasSuffix("nothing changed\n"))
        let verify = try assay("log", "verify")
        #expect(verify.exitCode == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(try assay("log", "--format", "json").stdout.contains("\"action\" : \"registry.import\""))
    }

    /// Hand-written rows in the shapes of later snapshots: footnote marks, run-on dates, a heading, a scope.
    @Test func laterSnapshotShapesImportAndAnEditedRowUpdatesItsEvent() throws {
        try addVendors()
        let later = try directory.write(
            "later.csv",
            """
            covered_equipment_or_services,date_of_inclusion_on_covered_list
            Communications equipment and services,
            "Telecommunications equipment produced by Huawei Technologies Company†, including services provided by such entity.","March 12, 2021Updated:January 7, 2026"
            "Video surveillance equipment produced by ZTE Corporation^, to the extent it is used for public safety, including services.","Mar. 12, 2021*"

            """)
        let run = try assay("registry", "import", "fcc-covered-list", later, "--format", "json")
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(try SchemaValidator.problems(in: run.stdout, schema: "covered-list-import.schema.json") == nil)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(report["added"] as? Int == 2)
        #expect((report["categories"] as? [[String: Any]])?.map { $0["line"] as? Int } == [2])
        let zte = try assay("event", "list", "--vendor", "ZTE", "--format", "json").stdout
        #expect(zte.contains("\"scope\" : \"to the extent it is used for public safety\""))
        // The real list, imported after, describes the same two listings: their events are updated, not doubled.
        let real = try assay("registry", "import", "fcc-covered-list", coveredList)
        #expect(real.stdout.contains("1 added, 2 updated, 0 unchanged"))
        #expect(try assay("event", "list", "--format", "csv").stdout.split(separator: "\r\n").count == 4)
        #expect(try assay("log", "verify").exitCode == 0)
    }

    @Test func aBadRowIsOneLineAndImportsNothing() throws {
        try addVendors()
        let bad = try directory.write(
            "bad.csv",
            """
            covered_equipment_or_services,date_of_inclusion_on_covered_list
            "Telecommunications equipment produced by Huawei Technologies Company.","March 12, 2021"
            "Telecommunications equipment produced by ZTE Corporation.","Smarch 12, 2021"

            """)
        let run = try assay("registry", "import", "fcc-covered-list", bad)
        #expect(run.exitCode == 2)
        #expect(
            run.stderr
                == "assay: error[registry.invalid-field]: \(bad): line 3: date_of_inclusion_on_covered_list: 'Smarch 12, 2021' is not a date (Month D, YYYY)\n"
        )
        #expect(try assay("event", "list", "--format", "json").stdout == "[\n\n]\n")
        let listing = try assay("registry", "import", "fcc-covered-list", coveredList, "--listing", "active")
        #expect(listing.exitCode == 64 && listing.stderr.contains("--listing applies to cc-portal only"))
        #expect(try assay("log", "verify").exitCode == 0)
    }
}
