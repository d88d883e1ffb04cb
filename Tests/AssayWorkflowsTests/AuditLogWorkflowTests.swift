import AssayStore
import AssayWorkflows
import Testing

@Suite("Audit log: checkpoints and verification")
struct AuditLogWorkflowTests {
    @Test("a checkpoint is stored, written whole to its file, and the log verifies against it with its key")
    func checkpointRoundTrip() throws {
        let fixture = try WorkflowFixture()
        let organisation = try fixture.keyPair("org")
        let file = fixture.directory.file("checkpoint.json")
        let outcome = try LogCheckpointRequest(keyFile: organisation.privateKey, outputFile: file)
            .run(opening: fixture.opening)
        #expect(fixture.text(file) == outcome.text)
        #expect(outcome.checkpoint.seq == 1)
        #expect(try fixture.store.logEntries().map(\.action).last == "log.checkpoint")
        var request = LogVerificationRequest()
        request.checkpointFile = file
        request.publicKeyFile = organisation.publicKey
        let verified = try request.run(in: fixture.store)
        #expect(verified.passes && verified.checkpoint?.check.holds == true && verified.checkpoint?.checkpoint.seq == 1)
        request.publicKeyFile = try fixture.keyPair("other").publicKey
        let wrongKey = try request.run(in: fixture.store)
        #expect(!wrongKey.passes && wrongKey.verification.isIntact && wrongKey.checkpoint?.check == .badSignature)
    }

    @Test("a missing key file is refused with its code before the store is opened")
    func missingKey() throws {
        let fixture = try WorkflowFixture()
        let missing = fixture.directory.file("nowhere.pem")
        let request = LogCheckpointRequest(keyFile: missing)
        #expect(throws: WorkflowError.cannotRead(path: missing, what: "private key", reason: "no such file")) {
            try request.run(opening: fixture.opening)
        }
        #expect(fixture.openings.isEmpty)
        #expect(
            WorkflowError.cannotRead(path: missing, what: "private key", reason: "no such file").code
                == "input.cannot-read")
    }

    @Test("a public key given for signing is a crypto error with the file's path, and no checkpoint is stored")
    func publicKeyCannotSign() throws {
        let fixture = try WorkflowFixture()
        let organisation = try fixture.keyPair("org")
        #expect {
            try LogCheckpointRequest(keyFile: organisation.publicKey).run(opening: fixture.opening)
        } throws: { error in
            guard case .crypto(let path, let crypto) = error as? WorkflowError else { return false }
            return path == organisation.publicKey && (error as? WorkflowError)?.code == crypto.code
        }
        #expect(try fixture.store.logEntries().map(\.action) == ["vendor.add"])
    }
}
