import AssayTestSupport
import Foundation
import Testing

/// `assay bundle verify DIR --manifest FILE.spdx`: SPDX's example1, in tag-value and JSON, against its content tree
/// and a modified copy.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (SPDX example1)"))
struct SPDXManifestCommandTests {
    @Test("the content tree verifies against the tag-value and the JSON document; the JSON report fits its schema")
    func clean() throws {
        let temp = TemporaryDirectory()
        let json = try temp.write("example1.spdx.json", SPDXExample.json)
        for manifest in [SPDXExample.tagValue, json] {
            let result = try AssayProcess.run(["bundle", "verify", SPDXExample.content, "--manifest", manifest])
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stdout.contains("OK \(SPDXExample.content): 3 paths match"))
        }
        let report = try AssayProcess.run(
            ["bundle", "verify", SPDXExample.content, "--manifest", SPDXExample.tagValue, "--format", "json"])
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: report.stdout, schema: "verification-report.schema.json") == nil)
    }

    @Test("a modified hello.c exits 1 naming it; a wrong verification code is a warning, exit 0")
    func differences() throws {
        let temp = TemporaryDirectory()
        try FileManager.default.copyItem(atPath: SPDXExample.content, toPath: temp.file("content"))
        let hello = temp.file("content/src/hello.c")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: hello)
        try Data("int main(void) { return 1; }\n".utf8).write(to: URL(fileURLWithPath: hello))
        let modified = try AssayProcess.run([
            "bundle", "verify", temp.file("content"), "--manifest", SPDXExample.tagValue,
        ])
        #expect(modified.exitCode == 1)
        #expect(modified.stdout.contains("modified") && modified.stdout.contains("src/hello.c"))

        let wrong = try temp.write(
            "bad.spdx", try SPDXExample.tagValue(verificationCode: String(repeating: "a", count: 40)))
        let report = try AssayProcess.run([
            "bundle", "verify", SPDXExample.content, "--manifest", wrong, "--format", "json",
        ])
        #expect(report.exitCode == 0)
        #expect(report.stdout.contains("\"verification-code\""))
        #expect(try SchemaValidator.problems(in: report.stdout, schema: "verification-report.schema.json") == nil)
        let text = try AssayProcess.run(["bundle", "verify", SPDXExample.content, "--manifest", wrong])
        #expect(text.stdout.contains("warning: package hello: PackageVerificationCode aaaa"))
    }

    @Test("a malformed document is one error line naming the line and tag, exit 2")
    func malformed() throws {
        let temp = TemporaryDirectory()
        let text = try String(contentsOfFile: SPDXExample.tagValue, encoding: .utf8)
            .replacingOccurrences(
                of: "FileType: SOURCE\nFileChecksum: SHA1: 69a2e8", with: "FileType: SOURCE\nFileChecksum: SHA1 69a2e8")
        let manifest = try temp.write("x.spdx", text)
        let result = try AssayProcess.run(["bundle", "verify", SPDXExample.content, "--manifest", manifest])
        #expect(result.exitCode == 2)
        #expect(
            result.stderr == "assay: error[bundle.manifest-malformed]: \(manifest):38: malformed manifest line: "
                + "FileChecksum: expected 'ALGORITHM: hex'\n")
    }
}
