import AssayTestSupport
import Foundation
import Testing

/// `assay escrow expect` with several files: an in-toto layout requiring 2 of 2 rebuilders with their links
/// (apt-transport-in-toto's test data), and SPDX example1; then `artifact verify` of the binaries they vouch for.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures"))
struct ExpectLayoutTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }
    static let folder = Paths.fixtures + "/provenance/in-toto-rebuilders/"
    static let layout = folder + "test.layout"
    static let links = [folder + "rebuild.5863835e.link", folder + "rebuild.e946fc60.link"]
    static let package = "final-product_0.0.0.0-0_all.deb"

    @discardableResult
    func assay(_ arguments: [String]) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    /// A vendor with an offer and deposit #1 of `source`.
    func deposit(_ source: String) throws {
        try assay(["vendor", "add", "Example"])
        try assay(["escrow", "offer", "add", "Example", "--kind", "agent-deposit"])
        let result = try assay(["escrow", "deposit", "1", source])
        try #require(result.exitCode == 0, "\(result.stderr)")
    }

    func expect(_ files: [String], _ more: [String] = []) throws -> RunResult {
        try assay(["escrow", "expect", "1"] + files.flatMap { ["--from", $0] } + more)
    }

    func count(_ table: String) throws -> String {
        try ChildProcess.run("/usr/bin/sqlite3", [db, "SELECT count(*) FROM \(table)"]).stdout
    }

    func validJSON(_ run: RunResult) throws -> [String: Any] {
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: run.stdout, schema: "expectation.schema.json") == nil)
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// The layout with its expiry moved to 2020 (its OpenPGP signature is not checked without a keyring).
    func expiredLayout() throws -> String {
        let text = try String(contentsOfFile: Self.layout, encoding: .utf8)
        let changed = text.replacingOccurrences(of: "2030-01-01T00:00:00Z", with: "2020-01-01T00:00:00Z")
        try #require(changed != text, "the layout's expiry was not found")
        return try directory.write("expired.layout", changed)
    }

    /// Each fixture package copied under the name the rebuilders' links give it, in folders good/ and bad/.
    func addPackages() throws {
        for kind in ["good", "bad"] {
            try FileManager.default.createDirectory(atPath: directory.file(kind), withIntermediateDirectories: true)
            let copy = directory.file(kind + "/" + Self.package)
            try FileManager.default.copyItem(atPath: Self.folder + kind + "__" + Self.package, toPath: copy)
            let added = try assay(["artifact", "add", "Example", copy, "--site", kind])
            try #require(added.exitCode == 0, "\(added.stderr)")
        }
    }

    @Test func twoOfTwoRebuildersVouchForTheGoodPackageOnly() throws {
        try deposit(SPDXExample.content)
        let result = try expect([Self.layout] + Self.links)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains(Self.package) && result.stdout.contains("in-toto-link"))
        #expect(result.stdout.contains("step 'rebuild': threshold 2 of 2 functionaries, 2 counted links: met"))
        #expect(result.stdout.contains("expires 2030-01-01T00:00:00Z"))
        #expect(result.stdout.hasSuffix("recorded 1 expectations of deposit #1\n"), "\(result.stdout)")
        #expect(try count("storedBlob") == "3\n", "the layout and both links are kept")
        let again = try validJSON(try expect([Self.layout] + Self.links, ["--format", "json"]))
        #expect(again["alreadyRecorded"] as? Bool == true)
        let inToto = try #require(again["inToto"] as? [String: Any])
        #expect(inToto["expired"] as? Bool == false)

        try addPackages()
        let verify = try assay(["artifact", "verify", "--format", "json"])
        #expect(verify.exitCode == 1)
        let run = try #require(try JSONSerialization.jsonObject(with: Data(verify.stdout.utf8)) as? [String: Any])
        let entries = try #require(run["entries"] as? [[String: Any]])
        #expect(entries.map { $0["verdict"] as? String } == ["reproduced", "differs"])
        #expect(try assay(["artifact", "verify", "1"]).exitCode == 0)
        #expect(try assay(["log", "verify", "--deep"]).exitCode == 0)
    }

    @Test func oneRebuilderAloneIsBelowTheThresholdAndRecordsNothing() throws {
        try deposit(SPDXExample.content)
        let result = try expect([Self.layout, Self.links[0]])
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "step 'rebuild': below threshold: \(Self.package) sha256 95b066f599e599e6 (1 of 2: "
                    + "5863835e5ec8e640fa24410f069edc1d59b58507)"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("recorded nothing for deposit #1: the evidence vouches for no binary\n"))
        let json = try validJSON(try expect([Self.layout, Self.links[0]], ["--format", "json"]))
        #expect((json["expectations"] as? [Any])?.isEmpty == true)
        #expect(try count("expectation") == "0\n" && count("storedBlob") == "0\n")
    }

    @Test func anExpiredLayoutRecordsNothingUnlessJudgedAsOfAnEarlierDay() throws {
        try deposit(SPDXExample.content)
        let expired = try expiredLayout()
        let today = try expect([expired] + Self.links)
        #expect(today.exitCode == 1, "\(today.stderr)")
        #expect(today.stdout.contains("EXPIRED at 2020-01-01T00:00:00Z"))
        #expect(today.stdout.contains("note: layout expired at 2020-01-01T00:00:00Z: no claim is made"))
        #expect(try count("expectation") == "0\n")
        let json = try validJSON(try expect([expired] + Self.links, ["--format", "json"]))
        #expect((json["inToto"] as? [String: Any])?["expired"] as? Bool == true)

        let past = try expect([expired] + Self.links, ["--as-of", "2019-12-31"])
        #expect(past.exitCode == 0, "\(past.stderr)")
        #expect(past.stdout.contains("note: layout evaluated as of the end of 2019-12-31 (UTC), not at the time"))
        #expect(past.stdout.hasSuffix("recorded 1 expectations of deposit #1\n"))
        let later = try expect([Self.layout] + Self.links, ["--as-of", "2030-01-01"])
        #expect(later.exitCode == 1 && later.stdout.contains("EXPIRED"))
        let bad = try expect([Self.layout] + Self.links, ["--as-of", "2030-13-01"])
        #expect(bad.exitCode == 2 && bad.stderr.contains("--as-of"), "\(bad.stderr)")
    }

    @Test func linksWithoutALayoutAreReadOneByOneAndTwoLayoutsAreRefused() throws {
        try deposit(SPDXExample.content)
        let links = try expect(Self.links)
        #expect(links.exitCode == 0, "\(links.stderr)")
        #expect(links.stdout.hasSuffix("recorded 2 expectations of deposit #1\n"), "\(links.stdout)")
        #expect(!links.stdout.contains("in-toto layout"))
        let copy = try directory.write("copy.layout", try String(contentsOfFile: Self.layout, encoding: .utf8))
        let two = try expect([Self.layout, copy] + Self.links)
        #expect(two.exitCode == 2)
        #expect(
            two.stderr.hasPrefix("assay: error[provenance.unsupported]: \(copy): unsupported second in-toto layout"))
        let none = try assay(["escrow", "expect", "1"])
        #expect(none.exitCode == 64 && none.stderr.contains("--from"))
    }

    @Test func aTamperedLinkBesideTheLayoutIsRejectedAndKept() throws {
        try deposit(SPDXExample.content)
        let text = try String(contentsOfFile: Self.links[1], encoding: .utf8)
        let tampered = try directory.write(
            "rebuild.e946fc60.link", text.replacingOccurrences(of: "95b066f5", with: "95b066f6"))
        let result = try expect([Self.layout, Self.links[0], tampered])
        #expect(result.exitCode == 1)
        #expect(
            result.stderr.hasPrefix("assay: error[provenance.signature-invalid]: \(tampered): "), "\(result.stderr)")
        #expect(try count("expectation") == "0\n" && count("rejectedEvidence") == "1\n")
    }

    @Test func anSPDXDocumentLinksTheBinaryToTheDepositedSources() throws {
        try deposit(SPDXExample.content)
        let result = try expect([SPDXExample.tagValue])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("./build/hello") && result.stdout.contains("spdx"))
        #expect(result.stdout.contains("unsigned") && result.stdout.contains("linked"))
        #expect(!result.stdout.contains("note:"))
        let json = try validJSON(try expect([SPDXExample.tagValue], ["--format", "json"]))
        let expectation = try #require((json["expectations"] as? [[String: Any]])?.first)
        #expect(expectation["kind"] as? String == "spdx" && expectation["sourceLink"] as? String == "linked")

        let wrong = try directory.write(
            "wrong.spdx", try SPDXExample.tagValue(verificationCode: "1111111111111111111111111111111111111111"))
        let remark = try expect([wrong])
        #expect(remark.exitCode == 0, "\(remark.stderr)")
        #expect(
            remark.stdout.contains(
                "note: package hello: PackageVerificationCode 1111111111111111111111111111111111111111 does not match"))

        let added = try assay(["artifact", "add", "Example", SPDXExample.content + "/build/hello"])
        try #require(added.exitCode == 0, "\(added.stderr)")
        let verify = try assay(["artifact", "verify"])
        #expect(verify.exitCode == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("reproduced"))
    }
}
