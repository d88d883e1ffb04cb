import AssayTestSupport
import Foundation
import Testing

/// `assay artifact add|list|show` run as a user runs them, on Debian's hello package.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures"))
struct ArtifactCommandTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }
    static let hello = Paths.fixtures + "/bundles/debian/hello_2.10-3_amd64.deb"

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    static func sha256(_ path: String) throws -> String {
        String(try ChildProcess.run("/usr/bin/sha256sum", [path]).stdout.prefix(64))
    }

    @Test func aPackageIsRecordedWithItsDigestAndContentDigest() throws {
        try assay("vendor", "add", "Debian")
        let added = try assay(
            "artifact", "add", "Debian", Self.hello, "--product", "hello", "--version", "2.10-3", "--site", "lab")
        #expect(added.exitCode == 0, "\(added.stderr)")
        let sha = try Self.sha256(Self.hello)
        #expect(added.stdout.hasPrefix("Recorded artifact #1 hello_2.10-3_amd64.deb sha256:\(sha) (content "))
        let again = try assay("artifact", "add", "Debian", Self.hello, "--site", "lab")
        #expect(again.stdout.hasPrefix("Already recorded artifact #1"))

        let show = try assay("artifact", "show", "1", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        #expect(object["sha256"] as? String == sha)
        #expect(object["size"] as? Int == 53080)
        #expect((object["contentDigest"] as? String)?.count == 64, "a .deb reads as the bundle of its payload")
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: show.stdout, schema: "artifact.schema.json") == nil)
        let list = try assay("artifact", "list", "--vendor", "Debian", "--format", "json")
        #expect(try SchemaValidator.problems(in: list.stdout, schema: "artifact.schema.json") == nil)
        let table = try assay("artifact", "list")
        #expect(table.stdout.contains("hello_2.10-3_amd64.deb") && table.stdout.contains("lab"))
        #expect(try assay("log", "verify", "--deep").exitCode == 0)
    }

    @Test func oneUnreadableFileRecordsNothing() throws {
        try assay("vendor", "add", "Debian")
        let missing = directory.file("missing.deb")
        let result = try assay("artifact", "add", "Debian", Self.hello, missing)
        #expect(result.exitCode == 2)
        #expect(result.stderr == "assay: error[bundle.not-found]: \(missing): no such file or directory\n")
        #expect(try assay("artifact", "list", "--format", "json").stdout == "[\n\n]\n")
    }

    @Test func aTruncatedPackageIsAnErrorNamingTheFile() throws {
        try assay("vendor", "add", "Debian")
        let bytes = try #require(FileManager.default.contents(atPath: Self.hello))
        let truncated = directory.file("hello.deb")
        try bytes.prefix(20_000).write(to: URL(fileURLWithPath: truncated))
        let result = try assay("artifact", "add", "Debian", truncated)
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("error[bundle.") && result.stderr.contains(truncated), "\(result.stderr)")
        #expect(try assay("artifact", "list", "--format", "json").stdout == "[\n\n]\n")
    }

    @Test func unknownVendorAndArtifactAreErrors() throws {
        let vendor = try assay("artifact", "add", "Nobody", Self.hello)
        #expect(vendor.exitCode == 2 && vendor.stderr.hasPrefix("assay: error[store.unknown-vendor]"))
        let show = try assay("artifact", "show", "7")
        #expect(show.exitCode == 2 && show.stderr == "assay: error[store.not-found]: no artifact with id 7\n")
    }
}
