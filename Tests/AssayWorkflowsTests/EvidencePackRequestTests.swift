import AssayAudit
import AssayWorkflows
import Foundation
import Testing

@Suite("Evidence packs: export and offline check")
struct EvidencePackRequestTests {
    @Test("a pack written with the organisation's key checks sound with its public key and unsound with another")
    func writeAndCheck() throws {
        let fixture = try WorkflowFixture()
        let organisation = try fixture.keyPair("org")
        let output = fixture.directory.file("pack.tar")
        let written = try EvidencePackRequest(
            vendors: [], asOf: try day("2026-06-01"), keyFile: organisation.privateKey, outputFile: output,
            policyFile: nil
        ).run(opening: fixture.opening)
        #expect(fixture.openings == [.readWrite] && written.files > 0)
        let sound = try PackCheck.verify(output, publicKeyFile: organisation.publicKey)
        #expect(sound.isSound && sound.files == written.files && sound.headSeq == written.checkpoint.seq)
        let other = try fixture.keyPair("other")
        #expect(try !PackCheck.verify(output, publicKeyFile: other.publicKey).isSound)
    }

    @Test("a policy that cannot be read stops the export before the store is opened or the pack written")
    func badPolicy() throws {
        let fixture = try WorkflowFixture()
        let organisation = try fixture.keyPair("org")
        let output = fixture.directory.file("pack.tar")
        let request = EvidencePackRequest(
            vendors: [], asOf: try day("2026-06-01"), keyFile: organisation.privateKey, outputFile: output,
            policyFile: fixture.directory.file("missing.yaml"))
        #expect(throws: AuditError.self) { try request.run(opening: fixture.opening) }
        #expect(fixture.openings.isEmpty && !FileManager.default.fileExists(atPath: output))
    }
}
