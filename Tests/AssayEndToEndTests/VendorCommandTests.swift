import AssayTestSupport
import Foundation
import Testing

/// Runs the real `assay` binary against real database files.
@Suite struct VendorCommandTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("team.sqlite") }

    func assay(_ arguments: String...) throws -> RunResult {
        try assay(arguments)
    }

    func assay(_ arguments: [String]) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    @Test func addShowListAndEdit() throws {
        #expect(
            try assay("vendor", "add", "ZTE", "--country", "CN", "--alias", "ZTE Corporation").stdout
                == "Added vendor #1 ZTE (CN)\n")
        let huawei = try assay(
            "vendor", "add", "Huawei Technologies Co., Ltd.", "--country", "CN", "--alias", "Huawei",
            "--lei", "529900T8BM49AURSDO55", "--id", "uscc=914403001922038216", "--tier", "1",
            "--relationship", "supplier", "--website", "https://www.huawei.com", "--notes", "sample")
        #expect(huawei.exitCode == 0)
        #expect(
            try assay(
                "vendor", "add", "Huawei Device Co., Ltd.", "--parent", "huawei", "--parent-link", "subsidiary",
                "--country", "CN"
            ).exitCode == 0)
        let shown = try assay("vendor", "show", "HUAWEI")
        #expect(shown.stdout.contains("name:         Huawei Technologies Co., Ltd."))
        #expect(shown.stdout.contains("affiliates:   Huawei Device Co., Ltd. (#3)"))
        let list = try assay("vendor", "list", "--format", "csv")
        #expect(list.stdout.split(separator: "\r\n").first == "ID,NAME,COUNTRY,RELATIONSHIP,TIER,PARENT,ALIASES")
        #expect(list.stdout.contains("\"Huawei Technologies Co., Ltd.\""))
        let edited = try assay("vendor", "edit", "ZTE Corporation", "--add-alias", "中兴通讯", "--tier", "2")
        #expect(edited.stdout == "Updated vendor #1 ZTE\n")
        #expect(try assay("vendor", "show", "中兴通讯", "--format", "json").stdout.contains("\"tier\" : 2"))
    }

    @Test func jsonOutputsFollowTheirSchemas() throws {
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        _ = try assay("vendor", "add", "Parent", "--country", "CN")
        let full = try assay(
            "vendor", "add", "Huawei", "--country", "CN", "--alias", "HW", "--lei", "529900T8BM49AURSDO55",
            "--tier", "1", "--website", "https://example.com", "--notes", "n", "--parent", "Parent",
            "--format", "json")
        #expect(try SchemaValidator.problems(in: full.stdout, schema: "vendor.schema.json") == nil)
        let parent = try assay("vendor", "show", "Parent", "--format", "json")
        #expect(try SchemaValidator.problems(in: parent.stdout, schema: "vendor.schema.json") == nil)
        #expect(parent.stdout.contains("\"affiliates\""))
    }

    @Test func badInputIsOneLineExitTwoAndWritesNothing() throws {
        _ = try assay("vendor", "add", "ZTE", "--country", "CN")
        let cases: [([String], String)] = [
            (
                ["vendor", "add", "X", "--country", "XX"],
                "assay: error[value.country]: --country: invalid country 'XX': expected an ISO 3166-1 alpha-2 code such as CN, US or DE\n"
            ),
            (
                ["vendor", "add", "X", "--lei", "5493001KJTIIGC8Y1R13"],
                "assay: error[value.lei]: --lei: invalid LEI '5493001KJTIIGC8Y1R13': check digits do not match (ISO 17442 MOD 97-10)\n"
            ),
            (
                ["vendor", "add", "zte"],
                "assay: error[store.duplicate-name]: the name 'zte' is already used by vendor 'ZTE'\n"
            ),
            (
                ["vendor", "show", "ZET"],
                "assay: error[store.unknown-vendor]: unknown vendor 'ZET' (did you mean 'ZTE'?)\n"
            ),
            (
                ["vendor", "add", "Y", "--parent", "Nobody"],
                "assay: error[store.unknown-vendor]: unknown vendor 'Nobody'\n"
            ),
            (
                ["vendor", "edit", "ZTE", "--parent", "ZTE"],
                "assay: error[store.parent-cycle]: 'ZTE' cannot be the parent of 'ZTE': the affiliate tree would become a cycle\n"
            ),
            (
                ["vendor", "add", "Z", "--tier", "9"],
                "assay: error[value.enum]: invalid tier '9': expected one of 1, 2, 3, 4\n"
            ),
        ]
        for (arguments, message) in cases {
            let result = try AssayProcess.run(arguments, database: db)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try assay("vendor", "list", "--format", "json").stdout.components(separatedBy: "\"name\"").count == 2)
        #expect(try assay("log", "verify").stdout.hasPrefix("OK 1 entries"))
    }

    /// Names and identifiers with escape sequences, line breaks or bidirectional overrides are refused, naming the
    /// field and the character; nothing is written.
    @Test func controlCharactersInNamesAndIdentifiersAreRefused() throws {
        let rule =
            "names and identifiers must be plain text (no control characters, line breaks or bidirectional "
            + "overrides)\n"
        let cases: [([String], String)] = [
            (
                ["vendor", "add", "Evil\u{1B}]0;owned\u{07}\u{1B}[2J"],
                "assay: error[value.control-character]: vendor name contains the control character U+001B: " + rule
            ),
            (
                ["vendor", "add", "Two\nLines"],
                "assay: error[value.control-character]: vendor name contains the control character U+000A: " + rule
            ),
            (
                ["vendor", "add", "ZTE", "--alias", "abc\u{202E}fed"],
                "assay: error[value.control-character]: alias contains the control character U+202E: " + rule
            ),
            (
                ["vendor", "add", "ZTE", "--id", "duns=12\u{9B}2J"],
                "assay: error[value.control-character]: identifier contains the control character U+009B: " + rule
            ),
            (
                ["cert", "add", "Plain", "--scheme", "iso27001", "--number", "X\u{1B}[2J"],
                "assay: error[value.control-character]: certificate number contains the control character U+001B: "
                    + rule
            ),
            (
                ["cert", "add", "Plain", "--scheme", "cc", "--product", "Router\nOS"],
                "assay: error[value.control-character]: product contains the control character U+000A: " + rule
            ),
        ]
        #expect(try assay("vendor", "add", "Plain").exitCode == 0)
        for (arguments, message) in cases {
            let result = try assay(arguments)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try assay("vendor", "add", "ZTE").exitCode == 0)
        let renamed = try assay("vendor", "edit", "ZTE", "--name", "ZTE\u{1B}[2J")
        #expect(
            renamed.stderr
                == "assay: error[value.control-character]: vendor name contains the control character U+001B: " + rule)
        #expect(try assay("log", "verify").stdout.hasPrefix("OK 2 entries"))
    }

    /// A database written before names were checked, or edited with sqlite3: whatever a name holds reaches the
    /// terminal escaped, and a line break never splits a table row or a one-line message.
    @Test func storedControlCharactersReachTheTerminalEscaped() throws {
        #expect(try assay("vendor", "add", "Evil").exitCode == 0)
        let hostile = "'Evil' || char(27) || ']0;owned' || char(7) || char(10) || 'row' || char(8238) || 'x'"
        let sqlite = try ChildProcess.run(
            "/usr/bin/sqlite3",
            [db, "UPDATE vendor SET name = \(hostile), notes = 'a' || char(27) || '[2J' || char(10) || 'b'"])
        try #require(sqlite.exitCode == 0, "sqlite3: \(sqlite.stderr)")
        let escaped = "Evil\\e]0;owned\\u{7}\\nrow\\u{202E}x"
        let list = try assay("vendor", "list")
        #expect(list.stdout.split(separator: "\n").count == 2, "\(list.stdout)")
        #expect(list.stdout.contains("1   " + escaped + "  "))
        // A record view keeps line breaks, as in notes, but only ever as indented continuation lines.
        let shown = try assay("vendor", "show", "1")
        #expect(shown.stdout.contains("name:         Evil\\e]0;owned\\u{7}\n              row\\u{202E}x\n"))
        #expect(shown.stdout.contains("notes:        a\\e[2J\n              b\n"))
        let added = try assay("cert", "add", "1", "--scheme", "iso27001", "--number", "N-1")
        #expect(added.stdout == "Added certification #1: " + escaped + " ISO/IEC 27001 N-1\n")
        let unknown = try assay("vendor", "show", "X\u{1B}[2J\nY")
        #expect(unknown.stderr.hasPrefix("assay: error[store.unknown-vendor]: unknown vendor 'X\\e[2J\\nY'"))
        #expect(unknown.stderr.split(separator: "\n").count == 1)
        for output in [list.stdout, shown.stdout, added.stdout, unknown.stderr] {
            #expect(
                !output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
            #expect(!output.unicodeScalars.contains("\u{202E}"))
        }
    }

    @Test func usageErrorsExitWith64() throws {
        let missing = try assay("vendor", "add")
        #expect(missing.exitCode == 64)
        #expect(missing.stderr.contains("Missing expected argument '<name>'"))
        #expect(try assay("vendor", "frobnicate").exitCode == 64)
        #expect(try assay("vendor", "edit", "x", "--parent", "p", "--no-parent").exitCode == 64)
    }

    @Test func versionAndHelp() throws {
        #expect(try AssayProcess.run(["--version"]).stdout == "0.1.0\n")
        let help = try AssayProcess.run(["--help"])
        #expect(help.exitCode == 0 && help.stdout.contains("64  usage error"))
    }
}
