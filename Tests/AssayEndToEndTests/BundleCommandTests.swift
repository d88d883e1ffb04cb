import AssayTestSupport
import Foundation
import Testing

@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (real source bundles)"))
struct BundleCommandTests {
    let directory = TemporaryDirectory()

    @Test func nistBundleVerifiesAgainstItsSHA256SUMSLikeSha256sum() throws {
        let bundle = Paths.fixtures + "/hashes/nist-sha256-bundle"
        let run = try AssayProcess.run(["bundle", "verify", bundle, "--manifest", bundle + "/SHA256SUMS"])
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("OK \(bundle): 129 paths match"))
        #expect(run.stdout.contains("note: 1 file(s) in the bundle are not listed"))
    }

    @Test func hashThenVerifyAcrossArchiveFormats() throws {
        let archives = Paths.fixtures + "/bundles/git-archives"
        let manifest = directory.file("swift-log.json")
        let hashed = try AssayProcess.run(["bundle", "hash", archives + "/swift-log-1.16.2.tar.gz", "-o", manifest])
        #expect(hashed.exitCode == 0)
        #expect(hashed.stderr.contains("stripped top-level folder 'swift-log-1.16.2'"))
        #expect(
            try SchemaValidator.problems(
                in: try String(contentsOfFile: manifest, encoding: .utf8),
                schema: "manifest.schema.json") == nil)
        let zip = try AssayProcess.run([
            "bundle", "verify", archives + "/swift-log-1.16.2.zip", "--manifest", manifest,
            "--format", "json",
        ])
        #expect(zip.exitCode == 0)
        #expect(try SchemaValidator.problems(in: zip.stdout, schema: "verification-report.schema.json") == nil)
        let kept = try AssayProcess.run([
            "bundle", "verify", archives + "/swift-log-1.16.2.zip", "--manifest", manifest,
            "--keep-prefix",
        ])
        #expect(kept.exitCode == 1)
        #expect(kept.stdout.contains("added              swift-log-1.16.2/README.md"))
    }

    @Test func errorsAreOneLineWithExitTwo() throws {
        let garbage = try directory.write("garbage.tar.gz", String(repeating: "not an archive ", count: 100))
        let run = try AssayProcess.run(["bundle", "hash", garbage])
        #expect(run.exitCode == 2)
        #expect(run.stderr.split(separator: "\n").count == 1)
        let manifest = try directory.write(
            "bad.sums", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a\nnot a line\n")
        let malformed = try AssayProcess.run(["bundle", "verify", directory.path, "--manifest", manifest])
        #expect(malformed.exitCode == 2)
        #expect(
            malformed.stderr.hasPrefix(
                "assay: error[bundle.manifest-malformed]: \(manifest):2: malformed manifest line"))
    }
}
