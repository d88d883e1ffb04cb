import AssayTestSupport
import Foundation
import Testing

/// `assay artifact verify` on Debian's hello package: the published .deb, the same contents repacked by
/// `dpkg-deb` (other compression, times and member order) and a copy whose `usr/bin/hello` was changed, held
/// against an in-toto statement naming the published package and the deposit's `.dsc`.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures"))
struct ArtifactVerifyTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }
    static let source = Paths.fixtures + "/bundles/debian/hello_2.10-3"
    static let hello = Paths.fixtures + "/bundles/debian/hello_2.10-3_amd64.deb"

    @discardableResult
    func assay(_ arguments: [String]) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    func run(_ executable: String, _ arguments: [String]) throws {
        let result = try ChildProcess.run(executable, arguments)
        try #require(result.exitCode == 0, "\(executable): \(result.stderr)")
    }

    /// Deposit, expectation and three artefacts: #1 published, #2 repacked, #3 changed.
    func prepare() throws {
        try assay(["vendor", "add", "Debian"])
        try assay(["escrow", "offer", "add", "Debian", "--kind", "agent-deposit"])
        try #require(try assay(["escrow", "deposit", "1", Self.source]).exitCode == 0)
        let statement = try directory.write(
            "hello.intoto.json",
            """
            {"_type": "https://in-toto.io/Statement/v1",
             "subject": [{"name": "hello_2.10-3_amd64.deb", "digest": {"sha256": "\(try Self.sha256(Self.hello))"}}],
             "predicateType": "https://slsa.dev/provenance/v0.2",
             "predicate": {"builder": {"id": "https://buildd.debian.org"}, "buildType": "https://debian.org/dpkg",
               "materials": [{"uri": "hello_2.10-3.dsc",
                              "digest": {"sha256": "\(try Self.sha256(Self.source + "/hello_2.10-3.dsc"))"}}]}}
            """)
        let expect = try assay(["escrow", "expect", "1", "--from", statement])
        try #require(expect.exitCode == 0, "\(expect.stderr)")
        #expect(expect.stdout.contains("unsigned") && expect.stdout.contains("linked"))
        let tree = directory.file("tree")
        try run("/usr/bin/dpkg-deb", ["-R", Self.hello, tree])
        for folder in ["repacked", "changed"] {
            try FileManager.default.createDirectory(atPath: directory.file(folder), withIntermediateDirectories: true)
        }
        let repacked = directory.file("repacked/hello_2.10-3_amd64.deb")
        try run("/usr/bin/dpkg-deb", ["--root-owner-group", "-Zgzip", "-b", tree, repacked])
        let program = tree + "/" + ["usr", "bin", "hello"].joined(separator: "/")
        let binary = try #require(FileHandle(forWritingAtPath: program))
        try binary.seekToEnd()
        try binary.write(contentsOf: Data([0]))
        try binary.close()
        let changed = directory.file("changed/hello_2.10-3_amd64.deb")
        try run("/usr/bin/dpkg-deb", ["--root-owner-group", "-b", tree, changed])
        for (file, site) in [(Self.hello, "mirror"), (repacked, "lab"), (changed, "field")] {
            let added = try assay(["artifact", "add", "Debian", file, "--site", site])
            try #require(added.exitCode == 0, "\(added.stderr)")
        }
    }

    static func sha256(_ path: String) throws -> String {
        String(try ChildProcess.run("/usr/bin/sha256sum", [path]).stdout.prefix(64))
    }

    @Test func reproducedAndEquivalentPassDiffersFailsNamingTheMember() throws {
        try prepare()
        let passing = try assay(["artifact", "verify", "1", "2"])
        #expect(passing.exitCode == 0, "\(passing.stdout)\(passing.stderr)")
        #expect(passing.stdout.contains("reproduced") && passing.stdout.contains("equivalent-content"))
        #expect(passing.stdout.hasSuffix("recorded artifact verification #1: passed\n"))

        let all = try assay(["artifact", "verify", "--vendor", "Debian", "--format", "json"])
        #expect(all.exitCode == 1)
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: all.stdout, schema: "artifact-verification.schema.json") == nil)
        let run = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])
        let entries = try #require(run["entries"] as? [[String: Any]])
        #expect(entries.map { $0["verdict"] as? String } == ["reproduced", "equivalent-content", "differs"])
        #expect(entries[2]["differingMembers"] as? [String] == ["usr/bin/hello"])
        let expectation = try #require(entries[2]["expectation"] as? [String: Any])
        #expect(expectation["kind"] as? String == "slsa-provenance")
        #expect(expectation["sourceLink"] as? String == "linked")
        #expect(run["passed"] as? Bool == false)
        if run["diffoscope"] != nil {
            #expect(entries[2]["diffoscopeSha256"] as? String != nil)
            #expect((entries[2]["diffoscopeSummary"] as? [String])?.isEmpty == false)
        }

        let text = try assay(["artifact", "verify", "3"])
        #expect(text.exitCode == 1)
        #expect(text.stdout.contains("artifact #3: differing members: usr/bin/hello"))
        let audit = try assay(["audit", "run", "--format", "json"])
        #expect(audit.stdout.contains("\"binary-differs:artifact-3\""))
        #expect(!audit.stdout.contains("binary-without-provenance"))
        #expect(try assay(["log", "verify", "--deep"]).exitCode == 0)
    }

    @Test func anArtifactNoExpectationNamesHasNone() throws {
        try assay(["vendor", "add", "Debian"])
        try assay(["escrow", "offer", "add", "Debian", "--kind", "agent-deposit"])
        try assay(["artifact", "add", "Debian", Self.hello])
        let result = try assay(["artifact", "verify"])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("no-expectation"))
        let audit = try assay(["audit", "run", "--format", "json"])
        #expect(audit.stdout.contains("\"binary-without-provenance:artifact-1\""))
    }

    @Test func badSelectionsAreErrors() throws {
        try assay(["vendor", "add", "Debian"])
        let both = try assay(["artifact", "verify", "1", "--vendor", "Debian"])
        #expect(both.exitCode == 64 && both.stderr.contains("give artifact ids, --vendor or --deposit, not several"))
        let missing = try assay(["artifact", "verify", "5"])
        #expect(missing.exitCode == 2 && missing.stderr.contains("no artifact with id 5"))
        let deposit = try assay(["artifact", "verify", "--deposit", "4"])
        #expect(deposit.exitCode == 2 && deposit.stderr.contains("no deposit with id 4"))
        #expect(
            try ChildProcess.run("/usr/bin/sqlite3", [db, "SELECT count(*) FROM artifactVerification"]).stdout == "0\n")
    }
}
