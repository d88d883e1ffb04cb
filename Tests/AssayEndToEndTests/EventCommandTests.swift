import AssayTestSupport
import Foundation
import Testing

/// Runs `assay event`, `import events`, `export events` and `vendor dossier` as a user would.
@Suite struct EventCommandTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }
    static let demoEvents = Paths.packageRoot + "/Scripts/demo-data/events.csv"

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    func vendors() throws {
        try assay("vendor", "add", "ZTE", "--country", "CN")
        try assay("vendor", "add", "Huawei Technologies Co., Ltd.", "--country", "CN", "--alias", "Huawei")
        try assay("vendor", "add", "Huawei Device Co., Ltd.", "--country", "CN", "--parent", "Huawei")
    }

    @Test func addListShowEditRemove() throws {
        try vendors()
        let added = try assay(
            "event", "add", "Huawei", "--type", "entity-list-listing", "--jurisdiction", "us",
            "--announced-on", "2019-05-16", "--authority", "US Department of Commerce BIS",
            "--applies-to-affiliates")
        #expect(added.stdout == "Added event #1: Huawei Technologies Co., Ltd. US entity-list-listing 2019-05-16\n")
        try assay(
            "event", "add", "ZTE", "--type", "sanctions-listing", "--jurisdiction", "US", "--announced-on", "2018-04-16"
        )
        let list = try assay("event", "list", "--vendor", "Huawei Device Co., Ltd.", "--format", "csv")
        #expect(
            list.stdout == "ID,ANNOUNCED,VENDOR,JURISDICTION,TYPE,STATUS,IN FORCE,VIA\r\n"
                + "1,2019-05-16,\"Huawei Technologies Co., Ltd.\",US,entity-list-listing,active,yes,"
                + "\"inherited: Huawei Device Co., Ltd. → Huawei Technologies Co., Ltd.\"\r\n")
        let edited = try assay("event", "edit", "2", "--status", "lifted", "--effective-to", "2018-07-13")
        #expect(edited.stdout == "Updated event #2\n")
        #expect(
            try assay("event", "list", "--active-on", "2018-07-14", "--type", "sanctions-listing").stdout
                == "ID  ANNOUNCED  VENDOR  JURISDICTION  TYPE  STATUS  IN FORCE  VIA\n")
        #expect(
            try assay("event", "list", "--active-on", "2018-05-01", "--format", "csv").stdout
                .contains("2,2018-04-16,ZTE,US,sanctions-listing,lifted,yes,\r\n"))
        let shown = try assay("event", "show", "2")
        #expect(shown.stdout.contains("effective:     (from announcement) .. 2018-07-13\n"))
        #expect(try assay("event", "remove", "2").stdout == "Removed event #2\n")
        #expect(try assay("event", "show", "2").stderr == "assay: error[store.not-found]: no event with id 2\n")
        #expect(try assay("log", "verify").stdout.hasPrefix("OK 7 entries"))
    }

    /// `--as-of` is the day whose state IN FORCE describes, as in every command; `--in-force` filters on it, and
    /// `--active-on DAY` stays the older spelling of `--as-of DAY --in-force`.
    @Test func eventListTakesAsOfLikeEveryCommand() throws {
        try vendors()
        try assay("import", "events", Self.demoEvents)
        let all = try assay("event", "list", "--vendor", "ZTE", "--as-of", "2018-05-01", "--format", "csv").stdout
        #expect(all.contains(",ZTE,US,sanctions-listing,lifted,yes,\r\n"))
        #expect(all.contains(",ZTE,US,delisting-or-lifting,active,no,\r\n"))
        let inForce = try assay(
            "event", "list", "--vendor", "ZTE", "--as-of", "2018-05-01", "--in-force", "--format", "csv")
        #expect(!inForce.stdout.contains(",no,"))
        #expect(inForce.stdout.split(separator: "\r\n").count < all.split(separator: "\r\n").count)
        let older = try assay("event", "list", "--vendor", "ZTE", "--active-on", "2018-05-01", "--format", "csv")
        #expect(older.stdout == inForce.stdout)
        let both = try assay("event", "list", "--as-of", "2018-05-01", "--active-on", "2019-01-01")
        #expect(both.exitCode == 64)
        #expect(both.stderr.contains("--active-on 2019-01-01 is --as-of 2019-01-01 --in-force: give one day"))
    }

    @Test func jsonOutputsFollowTheirSchemas() throws {
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        try vendors()
        #expect(try assay("import", "events", Self.demoEvents).exitCode == 0)
        let shown = try assay("event", "show", "9", "--format", "json")
        #expect(try SchemaValidator.problems(in: shown.stdout, schema: "event.schema.json") == nil)
        let listed = try assay("event", "list", "--vendor", "Huawei", "--active-on", "2013-06-15", "--format", "json")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [Any])
        for item in items {
            let text = String(decoding: try JSONSerialization.data(withJSONObject: item), as: UTF8.self)
            #expect(try SchemaValidator.problems(in: text, schema: "event.schema.json") == nil)
        }
        let exported = try assay("export", "events", "--format", "json")
        #expect(try SchemaValidator.problems(in: exported.stdout, schema: "events-import.schema.json") == nil)
        let dossier = try assay("vendor", "dossier", "Huawei Device Co., Ltd.", "--format", "json")
        #expect(try SchemaValidator.problems(in: dossier.stdout, schema: "dossier.schema.json") == nil)
    }

    @Test func importIsIdempotentAndExportRoundTrips() throws {
        try vendors()
        #expect(try assay("import", "events", Self.demoEvents).stdout == "added:     18\nupdated:   0\nunchanged: 0\n")
        #expect(
            try assay("import", "events", Self.demoEvents, "--format", "json").stdout
                == "{\n  \"added\" : 0,\n  \"unchanged\" : 18,\n  \"updated\" : 0\n}\n")
        let csv = try assay("export", "events").stdout
        let json = try assay("export", "events", "--format", "json").stdout
        try directory.write("export.json", json)
        #expect(try assay("import", "events", directory.file("export.json")).stdout.hasSuffix("unchanged: 18\n"))
        let fresh = TemporaryDirectory()
        let other = fresh.file("other.sqlite")
        for arguments in [
            ["vendor", "add", "ZTE"], ["vendor", "add", "Huawei Technologies Co., Ltd."],
            ["import", "events", try directory.write("export.csv", csv)],
        ] {
            #expect(try AssayProcess.run(arguments, database: other).exitCode == 0)
        }
        #expect(try AssayProcess.run(["export", "events"], database: other).stdout == csv)
    }

    @Test func dossierAsOfBeforeAndAfterTheLifting() throws {
        try vendors()
        try assay("import", "events", Self.demoEvents)
        let during = try assay("vendor", "dossier", "ZTE", "--as-of", "2018-05-01")
        #expect(
            during.stdout.contains(
                """
                Restrictions in force on 2018-05-01
                -----------------------------------
                  US (United States): Sanctions listing by US Department of Commerce BIS
                """))
        let after = try assay("vendor", "dossier", "ZTE", "--as-of", "2018-08-01", "--known-on", "2099-01-01")
        #expect(
            after.stdout.contains(
                "Restrictions in force on 2018-08-01\n-----------------------------------\n"
                    + "  No restriction recorded as in force.\n"))
        #expect(after.stdout.contains("2018-07-13  US: Delisting or lifting by US Department of Commerce BIS\n"))
        let unknownThen = try assay("vendor", "dossier", "ZTE", "--as-of", "2018-05-01", "--known-on", "2018-05-01")
        #expect(
            unknownThen.stdout.contains("Nothing recorded on or before 2018-05-01."),
            "records created today were not known in 2018")
        let device = try assay("vendor", "dossier", "Huawei Device Co., Ltd.", "--format", "md")
        #expect(
            device.stdout.contains(
                "Entity List (EAR part 744), since 2019-05-16 — inherited via "
                    + "Huawei Device Co., Ltd. → Huawei Technologies Co., Ltd."))
        let html = try assay("vendor", "dossier", "Huawei", "--format", "html")
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("<h2>Timeline</h2>"))
    }

    /// The last day a date can name still counts everything recorded by then; the day after it (year 10000) used to
    /// sort before every timestamp and dropped all records.
    @Test func dossierAsOfTheLastDayKeepsEveryRecord() throws {
        try vendors()
        try assay("import", "events", Self.demoEvents)
        try assay("cert", "add", "ZTE", "--scheme", "iso27001", "--number", "ISMS-1", "--issued-on", "2024-01-01")
        let today = try assay("vendor", "dossier", "ZTE", "--format", "json")
        let last = try assay("vendor", "dossier", "ZTE", "--as-of", "9999-12-31", "--format", "json")
        #expect(last.exitCode == 0)
        for record in ["\"sanctions-listing\"", "\"delisting-or-lifting\"", "\"ISMS-1\""] {
            #expect(today.stdout.contains(record))
            #expect(last.stdout.contains(record), "\(record) missing as of 9999-12-31")
        }
        let known = try assay("vendor", "dossier", "ZTE", "--as-of", "2018-05-01", "--known-on", "9999-12-31")
        #expect(known.stdout.contains("US (United States): Sanctions listing by US Department of Commerce BIS"))
    }

    @Test func badInputIsOneLineExitTwoAndWritesNothing() throws {
        try vendors()
        let add = [
            "event", "add", "ZTE", "--type", "investigation", "--jurisdiction", "US", "--announced-on", "2012-10-08",
        ]
        let cases: [([String], String)] = [
            (
                ["event", "add", "ZTF", "--type", "investigation", "--jurisdiction", "US", "--announced-on", "2012"],
                "assay: error[store.unknown-vendor]: unknown vendor 'ZTF' (did you mean 'ZTE'?)\n"
            ),
            (
                add.replacing(["investigation"], with: ["ban"]),
                "assay: error[value.enum]: --type: invalid type 'ban': expected one of entity-list-listing, sanctions-listing, "
                    + "equipment-authorization-ban, procurement-ban, high-risk-vendor-restriction, market-exit, market-entry, "
                    + "investigation, scandal-or-allegation, fine-or-settlement, delisting-or-lifting\n"
            ),
            (
                add.replacing(["US"], with: ["UK"]),
                "assay: error[value.jurisdiction]: --jurisdiction: invalid jurisdiction 'UK' (did you mean 'GB'?): expected an ISO 3166-1 "
                    + "alpha-2 code such as US "
                    + "or GB, or a bloc: EU, EEA\n"
            ),
            (
                add.replacing(["2012-10-08"], with: ["2012-10-32"]),
                "assay: error[value.partial-date]: --announced-on: invalid date '2012-10-32': expected YYYY, YYYY-MM or YYYY-MM-DD "
                    + "(an existing month or day)\n"
            ),
            (
                add + ["--effective-from", "2019-05", "--effective-to", "2018"],
                "assay: error[value.date-range]: the end date 2018 is before the start date 2019-05\n"
            ),
            (
                ["event", "list", "--active-on", "2019"],
                "assay: error[value.date]: --active-on: invalid date '2019': expected an existing day as YYYY-MM-DD\n"
            ),
            (["vendor", "dossier", "Nobody"], "assay: error[store.unknown-vendor]: unknown vendor 'Nobody'\n"),
            (
                ["import", "events", directory.file("missing.csv")],
                "assay: error[store.io]: \(directory.file("missing.csv")): No such file or directory\n"
            ),
        ]
        for (arguments, message) in cases {
            let result = try AssayProcess.run(arguments, database: db)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
        let bad = try directory.write(
            "bad.csv",
            """
            vendor,type,jurisdiction,announcedOn
            ZTE,investigation,US,2012-10-08
            ZTF,market-exit,US,2013
            ZTE,market-exit,US,2013-04-31
            """)
        let imported = try assay("import", "events", bad)
        #expect(imported.exitCode == 2)
        #expect(
            imported.stderr == """
                assay: error[store.import]: \(bad):3:vendor: unknown vendor 'ZTF' (did you mean 'ZTE'?)
                assay: error[store.import]: \(bad):4:announcedOn: invalid date '2013-04-31': expected YYYY, YYYY-MM or YYYY-MM-DD (an existing month or day)

                """)
        #expect(try assay("export", "events").stdout == EventColumns.header + "\r\n")
        #expect(try assay("log", "verify").stdout.hasPrefix("OK 3 entries"))
    }
}

/// The export's header row.
enum EventColumns {
    static let header =
        "vendor,appliesToAffiliates,jurisdiction,authority,type,program,scope,announcedOn,"
        + "effectiveFrom,effectiveTo,status,sourceUrl,sourceRecordId,notes"
}
