import AssayCrypto
import AssayProvenance
import AssayTestSupport
import Foundation
import Testing

@Suite("Sigstore bundles verified offline", .enabled(if: SigstoreFixture.available, SigstoreFixture.missing))
struct SigstoreBundleTests {
    static let names = ["managed-key-and-trusted-root", "intoto-canonical-log-entry"]

    static func expectInvalid(
        _ fixture: SigstoreFixture, _ fragment: String, trustedRoot: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try fixture.verify(trustedRoot: trustedRoot)
            Issue.record("\(fixture.name): tampered bundle verified", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == "provenance.signature-invalid", "\(error)", sourceLocation: sourceLocation)
            #expect(error.description.contains(fragment), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("a managed-key message signature verifies: signature, SET, inclusion proof, checkpoint, log entry")
    func messageSignature() throws {
        let fixture = try SigstoreFixture("managed-key-and-trusted-root")
        let result = try fixture.verify()
        #expect(result.format == .sigstoreBundle)
        #expect(result.claim.kind == .sigstoreMessageSignature)
        #expect(result.claim.strength == .signatureVerified)
        #expect(result.claim.signer == "sha256:\(try fixture.key.fingerprint.hex)")
        #expect(result.claim.subjects.first?.sha256 == (try SigstoreFixture.artifact).sha256.hex)
        let checks = Set(result.checks.map(\.name))
        for name in [
            "signature", "transparency-log.signed-entry-timestamp", "transparency-log.inclusion-proof",
            "transparency-log.checkpoint", "transparency-log.entry-matches-bundle",
        ] {
            #expect(checks.contains(name), "missing check \(name)")
        }
    }

    @Test("an in-toto statement in DSSE with a canonical intoto entry verifies and names its subject")
    func dsseStatement() throws {
        let result = try SigstoreFixture("intoto-canonical-log-entry").verify()
        #expect(result.claim.kind == .inTotoStatement)
        let digest = try SigstoreFixture.artifact.sha256.hex
        #expect(result.claim.subjects == [DigestedName(name: "a.txt", digests: ["sha256": digest])])
        #expect(result.claim.strength == .signatureVerified)
    }

    @Test("a flipped signature byte fails", arguments: names)
    func signature(name: String) throws {
        var fixture = try SigstoreFixture(name)
        if var message = fixture.bundle["messageSignature"] as? [String: Any] {
            message["signature"] = SigstoreFixture.flip(message["signature"])
            fixture.bundle["messageSignature"] = message
        } else {
            var envelope = try #require(fixture.bundle["dsseEnvelope"] as? [String: Any])
            var signatures = try #require(envelope["signatures"] as? [[String: Any]])
            signatures[0]["sig"] = SigstoreFixture.flip(signatures[0]["sig"])
            envelope["signatures"] = signatures
            fixture.bundle["dsseEnvelope"] = envelope
        }
        Self.expectInvalid(fixture, "signature")
    }

    @Test("a changed DSSE payload fails")
    func payload() throws {
        var fixture = try SigstoreFixture("intoto-canonical-log-entry")
        var envelope = try #require(fixture.bundle["dsseEnvelope"] as? [String: Any])
        envelope["payload"] = SigstoreFixture.flip(envelope["payload"], at: 40)
        fixture.bundle["dsseEnvelope"] = envelope
        Self.expectInvalid(fixture, "signature")
    }

    @Test("a flipped signed entry timestamp fails")
    func signedEntryTimestamp() throws {
        var fixture = try SigstoreFixture("managed-key-and-trusted-root")
        var promise = try #require(fixture.entry["inclusionPromise"] as? [String: Any])
        promise["signedEntryTimestamp"] = SigstoreFixture.flip(promise["signedEntryTimestamp"])
        fixture.entry["inclusionPromise"] = promise
        Self.expectInvalid(fixture, "signed entry timestamp")
    }

    @Test("a flipped inclusion proof hash fails")
    func proofHash() throws {
        var fixture = try SigstoreFixture("managed-key-and-trusted-root")
        var proof = try #require(fixture.entry["inclusionProof"] as? [String: Any])
        var hashes = try #require(proof["hashes"] as? [String])
        hashes[2] = SigstoreFixture.flip(hashes[2])
        proof["hashes"] = hashes
        fixture.entry["inclusionProof"] = proof
        Self.expectInvalid(fixture, "inclusion proof leads to root")
    }

    @Test("a changed checkpoint fails", arguments: names)
    func checkpoint(name: String) throws {
        var fixture = try SigstoreFixture(name)
        var proof = try #require(fixture.entry["inclusionProof"] as? [String: Any])
        var checkpoint = try #require(proof["checkpoint"] as? [String: Any])
        let text = try #require(checkpoint["envelope"] as? String)
        let lines = text.components(separatedBy: "\n")
        let size = String((Int(lines[1]) ?? 0) + 1)
        checkpoint["envelope"] = ([lines[0], size] + lines.dropFirst(2)).joined(separator: "\n")
        proof["checkpoint"] = checkpoint
        fixture.entry["inclusionProof"] = proof
        Self.expectInvalid(fixture, "checkpoint")
    }

    @Test("a changed log index fails")
    func logIndex() throws {
        var fixture = try SigstoreFixture("managed-key-and-trusted-root")
        fixture.entry["logIndex"] = "51753645"
        Self.expectInvalid(fixture, "signed entry timestamp")
    }

    @Test("an inclusion proof with a wrong index or tree size fails")
    func proofIndex() throws {
        for (field, value) in [("logIndex", "20071231"), ("treeSize", "20071234")] {
            var fixture = try SigstoreFixture("managed-key-and-trusted-root")
            var proof = try #require(fixture.entry["inclusionProof"] as? [String: Any])
            proof[field] = value
            fixture.entry["inclusionProof"] = proof
            Self.expectInvalid(fixture, "tlogEntries[0]")
        }
    }

    @Test("a trusted root whose log key is swapped for another fails", arguments: names)
    func swappedLogKey(name: String) throws {
        let fixture = try SigstoreFixture(name)
        let other = Self.names.first { $0 != name } ?? name
        let rootData = try Data(contentsOf: URL(fileURLWithPath: fixture.trustedRootPath))
        var root = try #require(try JSONSerialization.jsonObject(with: rootData) as? [String: Any])
        let otherPath = "\(SigstoreFixture.folder)/\(other)__trusted_root.json"
        let otherRoot = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: otherPath)))
        let otherLogs = try #require((otherRoot as? [String: Any])?["tlogs"] as? [[String: Any]])
        var logs = try #require(root["tlogs"] as? [[String: Any]])
        for index in logs.indices { logs[index]["publicKey"] = otherLogs[0]["publicKey"] }
        root["tlogs"] = logs
        let folder = TemporaryDirectory()
        let path = folder.file("trusted_root.json")
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: path))
        Self.expectInvalid(fixture, "does not verify with the log key", trustedRoot: path)
    }
}
