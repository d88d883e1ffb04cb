import AssayBundle
import AssayCrypto
import AssayTestSupport
import AssayWorkflows
import Foundation
import Testing

@Suite("Bundle hashing and verification workflows")
struct BundleWorkflowTests {
    @Test("hashing with an output file writes the manifest the codec gives, and returns the same manifest")
    func hashWritesManifest() throws {
        let fixture = try EscrowFixture()
        let output = fixture.directory.file("manifest.sha256")
        let manifest = try BundleHashing.hash(
            fixture.bundle, as: .auto, options: ReadOptions(), writingTo: output, format: .gnu)
        #expect(manifest.totals.files == 3)
        var printed: [UInt8] = []
        try BundleHashing.write(manifest, as: .gnu) { printed += $0 }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: output))) == printed)
        #expect(String(decoding: printed, as: UTF8.self).contains("  src/main.c\n"))
    }

    @Test("a bundle that cannot be read leaves no manifest file, not even a partial one")
    func failedHashWritesNothing() throws {
        let folder = TemporaryDirectory()
        let output = folder.file("manifest.json")
        #expect(throws: BundleError.self) {
            try BundleHashing.hash(folder.file("missing"), as: .auto, options: ReadOptions(), writingTo: output)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("NIST's SHA-256 bundle verifies against its own SHA256SUMS, the files it lists all matching")
    func nistBundleVerifies() throws {
        let bundle = Paths.fixtures + "/hashes/nist-sha256-bundle"
        try #require(
            FileManager.default.fileExists(atPath: bundle), "shared fixtures absent: \(Paths.fixtures) (skipped)")
        let request = BundleVerification(
            path: bundle, against: .manifest(bundle + "/SHA256SUMS", algorithm: nil))
        let report = try request.run(options: ReadOptions())
        #expect(report.clean)
        #expect(report.summary.matched == 129)
        #expect(report.signature == nil)
    }

    @Test("a folder that is not a bag, with nothing to check it against, is refused naming the folder")
    func notABag() throws {
        let fixture = try EscrowFixture()
        let request = BundleVerification(path: fixture.bundle, against: .bagManifests)
        #expect(throws: WorkflowError.notABag(path: fixture.bundle)) { try request.run(options: ReadOptions()) }
        #expect(WorkflowError.notABag(path: "x").description.contains("--") == false)
    }

    @Test("a signature over the manifest is a verdict in the report: valid names the key, invalid fails the report")
    func signatureVerdicts() throws {
        let fixture = try EscrowFixture()
        let manifest = fixture.directory.file("manifest.json")
        _ = try BundleHashing.hash(fixture.bundle, as: .auto, options: ReadOptions(), writingTo: manifest)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: manifest)))
        let signature = try fixture.sign(bytes, with: fixture.vendorKey, as: "manifest.sig")
        let vendorKey = try fixture.publicKeyFile(fixture.vendorKey, as: "vendor.pub.der")
        let strangerKey = try fixture.publicKeyFile(fixture.strangerKey, as: "stranger.pub.der")

        func verify(keys: [String]) throws -> VerificationReport {
            try BundleVerification(
                path: fixture.bundle, against: .manifest(manifest, algorithm: nil),
                signature: .init(file: signature, keyFiles: keys)
            ).run(options: ReadOptions())
        }
        let good = try verify(keys: [strangerKey, vendorKey])
        #expect(good.clean)
        #expect(good.signature == SignatureVerdict(valid: true, signerKey: fixture.vendorKey.publicKey.fingerprint.hex))
        let bad = try verify(keys: [strangerKey])
        #expect(!bad.clean)
        #expect(bad.signature?.valid == false)
        #expect(bad.summary.matched == good.summary.matched)
    }

    @Test("key files: a missing one and one holding no key are errors naming the file, the latter with its own code")
    func keyFileErrors() throws {
        let folder = TemporaryDirectory()
        let missing = folder.file("absent.pem")
        #expect(throws: WorkflowError.cannotRead(path: missing, what: "public key", reason: "no such file")) {
            try SignatureCheck.keys([missing])
        }
        let text = try folder.write("notes.pem", "not a key\n")
        let error = try #require(throws: WorkflowError.self) { try SignatureCheck.keys([text]) }
        guard case .crypto(let path, _) = error else {
            Issue.record("expected a crypto error, got \(error)")
            return
        }
        #expect(path == text)
        #expect(error.code.hasPrefix("key.") || error.code.hasPrefix("pem."))
        #expect(error.description.hasPrefix(text + ": "))
    }
}
