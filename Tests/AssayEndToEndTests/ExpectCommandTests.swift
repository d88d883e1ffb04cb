import AssayTestSupport
import Foundation
import Testing

/// `assay escrow expect` on real provenance files: a Debian .buildinfo, an in-toto link, a Sigstore bundle and a
/// tampered copy of it, and files that are not provenance.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures"))
struct ExpectCommandTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }
    static let sigstore = Paths.fixtures + "/provenance/sigstore/intoto-canonical-log-entry__"
    static let trust = ["--key", sigstore + "key.pub", "--trusted-root", sigstore + "trusted_root.json"]

    @discardableResult
    func assay(_ arguments: [String]) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    /// A vendor with an offer and a deposit of Debian's hello source package.
    func deposit() throws {
        try assay(["vendor", "add", "Debian"])
        try assay(["escrow", "offer", "add", "Debian", "--kind", "agent-deposit"])
        let result = try assay(["escrow", "deposit", "1", Paths.fixtures + "/bundles/debian/hello_2.10-3"])
        try #require(result.exitCode == 0, "\(result.stderr)")
    }

    /// The Sigstore bundle with one character of its DSSE signature changed (still base64 and DER).
    static func tamperedSignature(_ path: String) throws -> String {
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let changed = original.replacingOccurrences(of: "MEUCIBb8Pe4/", with: "MEUCIBb8Pe5/")
        guard changed != original else { throw PopulateError(step: "tamper \(path)", output: "signature not found") }
        return changed
    }

    func expectations() throws -> [[String: Any]] {
        let data = try #require(
            try ChildProcess.run("/usr/bin/sqlite3", ["-json", db, "SELECT * FROM expectation ORDER BY id"]).stdout
                .data(using: .utf8))
        return data.isEmpty ? [] : try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    @Test func aBuildinfoOfAnotherSourceIsRecordedAsSourceMismatchAndUnverified() throws {
        try deposit()
        let file = Paths.fixtures + "/provenance/debian-buildinfo/gzip_1.10-2_all-amd64-source.buildinfo"
        let result = try assay(["escrow", "expect", "1", "--from", file])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("gzip_1.10-2_amd64.deb"))
        #expect(result.stdout.contains("signature-unverified") && result.stdout.contains("source-mismatch"))
        #expect(result.stdout.hasSuffix("recorded 3 expectations of deposit #1\n"))
        let json = try assay(["escrow", "expect", "1", "--from", file, "--format", "json"])
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: json.stdout, schema: "expectation.schema.json") == nil)
        #expect(try expectations().count == 3, "the same evidence again records nothing more")
    }

    @Test func evidenceGivenThroughASymlinkIsKeptAsTheFileItNames() throws {
        try deposit()
        let link = directory.file("evidence.buildinfo")
        try FileManager.default.createSymbolicLink(
            atPath: link, withDestinationPath: Paths.fixtures + "/provenance/debian-buildinfo/gzip_1.10-2_all-amd64-source.buildinfo")
        let result = try assay(["escrow", "expect", "1", "--from", link])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let verified = try assay(["log", "verify"])
        #expect(verified.exitCode == 0 && verified.stdout.hasPrefix("OK "), "\(verified.stdout)\(verified.stderr)")
    }

    @Test func aSigstoreBundleIsVerifiedAndATamperedCopyRecordsNothing() throws {
        try deposit()
        let good = try assay(["escrow", "expect", "1", "--from", Self.sigstore + "bundle.sigstore.json"] + Self.trust)
        #expect(good.exitCode == 0, "\(good.stderr)")
        #expect(good.stdout.contains("a.txt") && good.stdout.contains("signature-verified"))
        let tampered = try directory.write(
            "bundle.json", try Self.tamperedSignature(Self.sigstore + "bundle.sigstore.json"))
        let bad = try assay(["escrow", "expect", "1", "--from", tampered] + Self.trust)
        #expect(bad.exitCode == 1)
        #expect(bad.stderr.hasPrefix("assay: error[provenance.signature-invalid]: \(tampered): "), "\(bad.stderr)")
        #expect(bad.stdout.isEmpty)
        #expect(try expectations().count == 1)
        let rejected = try ChildProcess.run("/usr/bin/sqlite3", [db, "SELECT code FROM rejectedEvidence"])
        #expect(rejected.stdout == "provenance.signature-invalid\n")
        let audit = try assay(["audit", "run", "--format", "json"])
        #expect(audit.stdout.contains("\"provenance-signature-invalid:evidence-1\""))
        #expect(try assay(["log", "verify", "--deep"]).exitCode == 0)
    }

    @Test func aVendorKeyIsTrustedWithoutKeyFlag() throws {
        try deposit()
        try assay(["vendor", "key", "add", "Debian", Self.sigstore + "key.pub"])
        let result = try assay([
            "escrow", "expect", "1", "--from", Self.sigstore + "bundle.sigstore.json", "--trusted-root",
            Self.sigstore + "trusted_root.json",
        ])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("signature-verified"))
    }

    @Test func filesThatAreNotProvenanceAreErrorsAndRecordNothing() throws {
        try deposit()
        let text = try directory.write("notes.txt", "hello\n")
        let unrecognized = try assay(["escrow", "expect", "1", "--from", text])
        #expect(unrecognized.exitCode == 2)
        #expect(unrecognized.stderr.hasPrefix("assay: error[provenance.unrecognized]: \(text): "))
        let broken = try directory.write("broken.buildinfo", "Format: 1.0\nSource: hello\nChecksums-Sha256:\n zz\n")
        let malformed = try assay(["escrow", "expect", "1", "--from", broken])
        #expect(malformed.exitCode == 2, "\(malformed.stderr)")
        #expect(malformed.stderr.contains(broken))
        let missing = try assay(["escrow", "expect", "9", "--from", text])
        #expect(missing.exitCode == 2 && missing.stderr.contains("no deposit with id 9"))
        #expect(try expectations().isEmpty)
        #expect(try ChildProcess.run("/usr/bin/sqlite3", [db, "SELECT count(*) FROM storedBlob"]).stdout == "0\n")
    }
}
