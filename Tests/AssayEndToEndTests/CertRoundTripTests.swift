import AssayTestSupport
import Foundation
import Testing

/// `export certifications` and `import certifications` through the real binary, over a generated store holding
/// every kind of claim: export, import into a database with only the vendors, export again: the same bytes.
@Suite struct CertRoundTripTests {
    let directory = TemporaryDirectory()

    static let vendors = ["ZTE", "Acme, Inc.", "Ünïcode \"Quoted\" GmbH"]
    /// One claim kind per scheme, with the scheme's own details (levels, augmentations, an audit period).
    static let kinds: [[String]] = [
        ["--scheme", "cc", "--level", "EAL4+", "--augmentation", "ALC_FLR.2", "--augmentation", "AVA_VAN.5"],
        ["--scheme", "eucc", "--level", "high"],
        ["--scheme", "fips140-2", "--level", "3"],
        ["--scheme", "fips140-3", "--level", "1"],
        ["--scheme", "soc2", "--level", "II", "--audit-period", "2025-01-01..2025-06-30"],
        ["--scheme", "soc2", "--level", "I"],
        ["--scheme", "csa-star", "--level", "2"],
        ["--scheme", "nesas"],
        ["--scheme", "iso27001"],
        ["--custom-scheme", "Cyber Essentials Plus"],
    ]
    static let statuses = ["active", "suspended", "withdrawn", "revoked"]

    func path(_ name: String) -> String { directory.file(name) }

    @discardableResult
    func assay(_ database: String, _ arguments: [String], stdin: String? = nil) throws -> RunResult {
        let result = try AssayProcess.run(arguments, database: path(database), stdin: stdin)
        #expect(result.exitCode == 0, "\(arguments): \(result.stderr)")
        return result
    }

    func addVendors(_ database: String) throws {
        for vendor in Self.vendors { try assay(database, ["vendor", "add", vendor]) }
    }

    /// Per kind: one claim with every field (a different status each), and two alike without number, product or
    /// dates; the full claims of even kinds then get a dated status change as well.
    func generate(_ database: String) throws -> Int {
        try addVendors(database)
        var count = 0
        for (index, kind) in Self.kinds.enumerated() {
            let vendor = Self.vendors[index % Self.vendors.count]
            try assay(
                database,
                ["cert", "add", vendor] + kind + [
                    "--number", "N-\(index)", "--issuer", "Body \(index), Ltd.", "--lab", "Lab \"\(index)\"",
                    "--scope", "Firmware,\nincluding the boot loader", "--product", "Product \(index)",
                    "--version", "1.\(index)", "--version", "2.0 LTS", "--issued-on", "2024-0\(index % 9 + 1)-15",
                    "--valid-until", "2027-01-0\(index % 9 + 1)", "--status", Self.statuses[index % 4],
                    "--notes", "Ünïcode, \"quotes\"\nand a second line",
                ])
            count += 1
            for _ in 0..<2 {
                try assay(database, ["cert", "add", vendor] + kind)
                count += 1
            }
            if index % 2 == 0 {
                try assay(
                    database, ["cert", "set-status", "\(count - 2)", "suspended", "--effective-on", "2025-02-01"])
            }
        }
        return count
    }

    func export(_ database: String, _ format: String) throws -> String {
        try assay(database, ["export", "certifications", "--format", format]).stdout
    }

    /// The claims as `cert list` shows them, without what a copy cannot share (ids and timestamps).
    func claims(_ database: String) throws -> [[String: String]] {
        let text = try assay(database, ["cert", "list", "--as-of", "2026-01-01", "--format", "json"]).stdout
        let items = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        return try items.map { item in
            try item.filter { !["id", "createdAt", "updatedAt"].contains($0.key) }.mapValues { value in
                let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
                return String(decoding: data, as: UTF8.self)
            }
        }
    }

    @Test func exportImportExportIsByteIdenticalForJSONAndCSV() throws {
        let count = try generate("source.sqlite")
        let json = try export("source.sqlite", "json")
        let csv = try export("source.sqlite", "csv")
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: json, schema: "certifications-import.schema.json") == nil)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let records = try #require(document["certifications"] as? [[String: Any]])
        #expect(records.count == count)
        #expect(records.filter { $0["issued_on"] == nil }.count == count - Self.kinds.count, "no invented dates")
        #expect(records.filter { $0["certificate_number"] == nil }.count == count - Self.kinds.count)
        for (format, text) in [("json", json), ("csv", csv)] {
            let copy = "copy-\(format).sqlite"
            try addVendors(copy)
            let file = try directory.write("claims.\(format)", text)
            let imported = try assay(copy, ["import", "certifications", file])
            #expect(imported.stdout == "added:     \(count)\nupdated:   0\nunchanged: 0\n", "\(format)")
            #expect(try export(copy, "json") == json, "\(format) → json")
            #expect(try export(copy, "csv") == csv, "\(format) → csv")
            #expect(try claims(copy) == (try claims("source.sqlite")), "\(format): every stored field")
            #expect(try AssayProcess.run(["log", "verify"], database: path(copy)).exitCode == 0)
        }
        for file in [path("claims.json"), path("claims.csv")] {
            let again = try assay("source.sqlite", ["import", "certifications", file])
            #expect(again.stdout == "added:     0\nupdated:   0\nunchanged: \(count)\n", "\(file)")
        }
        #expect(try export("source.sqlite", "json") == json)
        #expect(try AssayProcess.run(["log", "verify"], database: path("source.sqlite")).exitCode == 0)
    }

    /// A hand-written file has no claim keys: two claims alike without a number stay two, and re-importing the
    /// file pairs them with the stored ones instead of adding more.
    @Test func claimsWithoutNumberOrKeyNeverMerge() throws {
        try addVendors("hand.sqlite")
        let twice =
            "vendor,scheme,level,audit_period_start,audit_period_end,status\n"
            + String(repeating: "ZTE,SOC 2,II,2025-01-01,2025-06-30,active\n", count: 2)
        let file = try directory.write("hand.csv", twice)
        #expect(try assay("hand.sqlite", ["import", "certifications", file]).stdout.hasPrefix("added:     2\n"))
        let again = try assay("hand.sqlite", ["import", "certifications", file])
        #expect(again.stdout == "added:     0\nupdated:   0\nunchanged: 2\n")
        let thrice = try directory.write("thrice.csv", twice + "ZTE,SOC 2,II,2025-01-01,2025-06-30,suspended\n")
        let more = try assay("hand.sqlite", ["import", "certifications", thrice])
        #expect(more.stdout == "added:     1\nupdated:   0\nunchanged: 2\n")
        #expect(try claims("hand.sqlite").map { $0["status"] } == ["\"active\"", "\"active\"", "\"suspended\""])
        let repeated = try directory.write(
            "repeated.csv",
            "vendor,scheme,certificate_number,status\nZTE,iso27001,1,active\nZTE,iso27001,1,suspended\n")
        let refused = try AssayProcess.run(["import", "certifications", repeated], database: path("hand.sqlite"))
        #expect(refused.exitCode == 2)
        #expect(
            refused.stderr
                == "assay: error[store.import]: \(repeated):record 2: is the same claim (certification #4) as record 1: by "
                + "claim_key, or by vendor, scheme and certificate_number\n")
        #expect(try claims("hand.sqlite").count == 3, "nothing written")
        #expect(try AssayProcess.run(["log", "verify"], database: path("hand.sqlite")).exitCode == 0)
    }
}
