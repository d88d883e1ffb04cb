import AssayBundle
import AssayCrypto
import AssayTestSupport
import Foundation
import Testing

/// SPDX documents as manifests: SPDX's example1 (tag-value, and the same document as JSON) against its content
/// tree, a modified copy of `hello.c`, and a package verification code that does not reproduce.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (SPDX example1)"))
struct SPDXManifestTests {
    static func documents() throws -> [(String, [UInt8])] {
        [
            ("example1.spdx", Array(try Data(contentsOf: URL(fileURLWithPath: SPDXExample.tagValue)))),
            ("example1.spdx.json", Array(SPDXExample.json.utf8)),
        ]
    }

    @Test("both forms parse to the same files, packages and relationships; the verification code reproduces")
    func parse() throws {
        let parsed = try Self.documents().map { name, bytes in try SPDXDocument.parse(bytes, file: name) }
        for document in parsed {
            #expect(document.files.map(\.name) == ["./build/hello", "./src/Makefile", "./src/hello.c"])
            #expect(document.files.map(\.types) == [["BINARY"], ["SOURCE"], ["SOURCE"]])
            #expect(document.files[0].checksums.map(\.algorithm) == ["SHA1", "SHA256", "MD5"])
            let package = try #require(document.packages.first)
            #expect(package.fileIds == ["SPDXRef-hello-binary", "SPDXRef-Makefile", "SPDXRef-hello-src"])
            #expect(package.verificationCode == "9d20237bb72087e87069f96afb41c6ca2fa2a342")
            #expect(try document.computedVerificationCode(package) == package.verificationCode)
            #expect(document.generatedFrom.map(\.source) == ["SPDXRef-hello-src", "SPDXRef-Makefile"])
        }
        #expect(parsed[0].relationships == parsed[1].relationships)
        #expect(parsed[0].files.map(\.checksums) == parsed[1].files.map(\.checksums))
    }

    @Test("the content tree verifies against either form, by SHA-256, detected from content")
    func verifies() throws {
        for (name, bytes) in try Self.documents() {
            #expect(ManifestFormat.detect(bytes) == .spdx)
            let manifest = try ManifestCodec.decode(bytes, file: name)
            #expect(manifest.algorithm == .sha256 && manifest.source == "spdx")
            #expect(manifest.entries.map(\.path.description) == ["build/hello", "src/Makefile", "src/hello.c"])
            let report = try Verifier.verify(bundleAt: SPDXExample.content, against: manifest)
            #expect(report.clean && report.summary.matched == 3)
            #expect(!report.findings.contains { $0.kind == .verificationCode })
        }
    }

    @Test("a modified hello.c fails")
    func modified() throws {
        let temp = TemporaryDirectory()
        try FileManager.default.copyItem(atPath: SPDXExample.content, toPath: temp.file("content"))
        let hello = temp.file("content/src/hello.c")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: hello)
        try Data("int main(void) { return 1; }\n".utf8).write(to: URL(fileURLWithPath: hello))
        let manifest = try ManifestCodec.read(contentsOf: SPDXExample.tagValue)
        let report = try Verifier.verify(bundleAt: temp.file("content"), against: manifest)
        #expect(!report.clean)
        #expect(report.differences.map(\.path) == ["src/hello.c"])
        #expect(report.differences.map(\.kind) == [.modified])
    }

    @Test("a verification code that does not reproduce is a warning finding; the files still decide")
    func wrongVerificationCode() throws {
        let text = try SPDXExample.tagValue(verificationCode: String(repeating: "0", count: 40))
        let manifest = try ManifestCodec.decode(Array(text.utf8), file: "bad.spdx")
        let report = try Verifier.verify(bundleAt: SPDXExample.content, against: manifest)
        let finding = try #require(report.findings.first { $0.kind == .verificationCode })
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("recomputed 9d20237bb72087e87069f96afb41c6ca2fa2a342"))
        #expect(report.clean)
    }

    @Test("with a file lacking SHA-256 the listing falls back to SHA-1, the algorithm every file has")
    func commonAlgorithm() throws {
        let text = try String(contentsOfFile: SPDXExample.tagValue, encoding: .utf8).replacingOccurrences(
            of: "FileChecksum: SHA256: 5da19033ba058e322e21c90e6d6d859c90b1b544e7840859c12cae5da005e79c\n", with: "")
        let manifest = try ManifestCodec.decode(Array(text.utf8), file: "x.spdx")
        #expect(manifest.algorithm == .sha1)
        #expect(manifest.alternates.map(\.algorithm) == [.sha256])
        #expect(manifest.alternates.first?.entries.count == 2)
        #expect(try Verifier.verify(bundleAt: SPDXExample.content, against: manifest).clean)
    }

    @Test("malformed documents name the line and tag, or the JSON field")
    func malformed() throws {
        let text = try String(contentsOfFile: SPDXExample.tagValue, encoding: .utf8).replacingOccurrences(
            of: "SHA1: 69a2e85696fff1865c3f0686d6c3824b59915c80", with: "SHA1: 69a2e8")
        #expect(
            throws: BundleError.malformedManifest(
                file: "x.spdx", line: 38, reason: "FileChecksum: '69a2e8' is not a SHA1 digest (40 hex digits)")
        ) { try ManifestCodec.decode(Array(text.utf8), file: "x.spdx") }
        let json = SPDXExample.json.replacingOccurrences(of: "\"fileName\": \"./src/Makefile\", ", with: "")
        #expect(throws: BundleError.invalidManifest(file: "x.json", field: "files[1].fileName", reason: "missing")) {
            try ManifestCodec.decode(Array(json.utf8), file: "x.json")
        }
        #expect(throws: BundleError.unsupportedOutput(format: "spdx")) {
            try ManifestCodec.encode(try ManifestCodec.read(contentsOf: SPDXExample.tagValue), as: .spdx)
        }
    }
}
