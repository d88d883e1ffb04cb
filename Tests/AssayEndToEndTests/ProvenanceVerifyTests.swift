import AssayTestSupport
import Foundation
import Testing

/// `assay provenance verify` run as a user runs it, on the Sigstore conformance fixtures.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures"))
struct ProvenanceVerifyTests {
    static let folder = Paths.fixtures + "/provenance/sigstore"
    static let artifact = folder + "/a.txt"

    static func arguments(_ name: String, file: String = artifact, bundle: String? = nil) -> [String] {
        [
            "provenance", "verify", file, "--attestation", bundle ?? "\(folder)/\(name)__bundle.sigstore.json",
            "--key", "\(folder)/\(name)__key.pub", "--trusted-root", "\(folder)/\(name)__trusted_root.json",
        ]
    }

    @Test("a key-signed message signature bundle verifies against its file: exit 0, JSON valid against the schema")
    func messageSignature() throws {
        let text = try AssayProcess.run(Self.arguments("managed-key-and-trusted-root"))
        #expect(text.exitCode == 0, "\(text.stderr)")
        #expect(text.stdout.contains("OK \(Self.artifact)"))
        #expect(text.stdout.contains("checked:     transparency-log.inclusion-proof"))
        let json = try AssayProcess.run(Self.arguments("managed-key-and-trusted-root") + ["--format", "json"])
        #expect(json.exitCode == 0)
        #expect(try SchemaValidator.problems(in: json.stdout, schema: "provenance-verification.schema.json") == nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == true)
        #expect(object["format"] as? String == "sigstore-bundle")
    }

    @Test("a DSSE in-toto bundle names the file as its subject; another file is not a subject (exit 1)")
    func statementSubject() throws {
        let good = try AssayProcess.run(Self.arguments("intoto-canonical-log-entry") + ["--format", "json"])
        #expect(good.exitCode == 0, "\(good.stderr)")
        #expect(try SchemaValidator.problems(in: good.stdout, schema: "provenance-verification.schema.json") == nil)
        let other = Self.folder + "/intoto-canonical-log-entry__README"
        let wrong = try AssayProcess.run(Self.arguments("intoto-canonical-log-entry", file: other))
        #expect(wrong.exitCode == 1)
        #expect(wrong.stdout.contains("FAILED") && wrong.stdout.contains("is not among the subjects"))
    }

    @Test("a tampered bundle fails with exit 1 and says which check")
    func tampered() throws {
        let folder = TemporaryDirectory()
        let path = "\(Self.folder)/managed-key-and-trusted-root__bundle.sigstore.json"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let changed = original.replacingOccurrences(of: "\"logIndex\":\"51753644\"", with: "\"logIndex\":\"51753645\"")
        #expect(changed != original)
        let tampered = try folder.write("bundle.json", changed)
        let result = try AssayProcess.run(Self.arguments("managed-key-and-trusted-root", bundle: tampered))
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("error[provenance.signature-invalid]"))
        #expect(result.stderr.contains("signed entry timestamp"))
    }

    @Test("trouble exits 2: no trusted root, a file that is not JSON, a bundle signed by a key not given")
    func trouble() throws {
        let name = "managed-key-and-trusted-root"
        let bundle = "\(Self.folder)/\(name)__bundle.sigstore.json"
        let key = "\(Self.folder)/\(name)__key.pub"
        let noRoot = try AssayProcess.run([
            "provenance", "verify", Self.artifact, "--attestation", bundle, "--key", key,
        ])
        #expect(noRoot.exitCode == 2)
        #expect(noRoot.stderr.contains("error[provenance.cannot-verify]") && noRoot.stderr.contains("--trusted-root"))
        let notJSON = try AssayProcess.run(Self.arguments(name, bundle: Self.artifact))
        #expect(notJSON.exitCode == 2)
        #expect(notJSON.stderr.contains("error[provenance.malformed]"))
        let root = "\(Self.folder)/\(name)__trusted_root.json"
        let noKey = try AssayProcess.run(
            ["provenance", "verify", Self.artifact, "--attestation", bundle, "--trusted-root", root])
        #expect(noKey.exitCode == 2)
        #expect(noKey.stderr.contains("and no key was given (--key PUB)"))
    }

    @Test("a bare in-toto statement is read but not verified: exit 1")
    func unsignedStatement() throws {
        let folder = TemporaryDirectory()
        let statement = try folder.write(
            "statement.json",
            """
            {"_type":"https://in-toto.io/Statement/v1","predicateType":"https://slsa.dev/provenance/v1",
             "subject":[{"name":"a.txt","digest":{"sha256":"a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf"}}],
             "predicate":{"buildDefinition":{"resolvedDependencies":[{"uri":"git+https://example.com/a","digest":{"gitCommit":"abc"}}]},
                          "runDetails":{"builder":{"id":"https://example.com/builder"}}}}
            """)
        let result = try AssayProcess.run(["provenance", "verify", Self.artifact, "--attestation", statement])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("source:      git+https://example.com/a gitCommit:abc"))
        #expect(result.stdout.contains("builder:     https://example.com/builder"))
        #expect(result.stdout.contains("NOT VERIFIED"))
    }
}
