import AssayAudit
import AssayCore
import AssayCrypto
import AssayProvenance
import AssayStore
import Foundation
import Testing

/// The binary-equivalence rules against the audit fixture with artefacts, expectations, a rebuild, refused
/// evidence and a verdict added today.
@Suite struct BinaryRuleTests {
    let fixture: AuditFixture
    let today: CalendarDate

    init() throws {
        fixture = try AuditFixture()
        today = try CalendarDate(iso: String(Timestamp.now().prefix(10)))
        let store = fixture.store
        let directory = fixture.directory
        // Deposit #1 (Borealis Telecom) holds README "SAMPLE\n": the evidence names it as its source.
        let readme = try DigestContext.digest(Array("SAMPLE\n".utf8)).hex
        for folder in ["shipped", "deployed", "build1", "build2"] {
            try FileManager.default.createDirectory(atPath: directory.file(folder), withIntermediateDirectories: true)
        }
        let evidence = try directory.write("fw.intoto.json", "{\"_type\": \"https://in-toto.io/Statement/v1\"}\n")
        let shipped = try directory.write("shipped/fw.bin", "firmware 1\n")
        let deployed = try directory.write("deployed/fw.bin", "firmware 1 patched\n")
        let claim = ProvenanceClaim(
            kind: .inTotoStatement, fileSha256: try DigestContext.digest(fileAt: evidence).0.hex, strength: .unsigned,
            subjects: [DigestedName(name: "fw.bin", digests: ["sha256": try DigestContext.digest(fileAt: shipped).0.hex])],
            sources: [DigestedName(name: "README", digests: ["sha256": readme])])
        #expect(
            try store.recordExpectations(deposit: 1, claims: [claim], evidenceFiles: [evidence]).expectations
                .map(\.sourceLink) == [.linked])
        try store.addArtifact(ArtifactDraft(vendor: "Borealis Telecom"), file: shipped)  // #1
        try store.addArtifact(ArtifactDraft(vendor: "Borealis Telecom", site: "field"), file: deployed)  // #2
        let tool = try directory.write("tool", "tool\n")
        try store.addArtifact(ArtifactDraft(vendor: "Acme Networks"), file: tool)  // #3
        try store.addArtifact(
            ArtifactDraft(vendor: "<script>alert('x')</script> & \"Co\""), file: try directory.write("x", "x\n"))  // #4
        try store.recordRejectedEvidence(
            deposit: 1, evidenceFile: evidence, code: "provenance.signature-invalid", reason: "SAMPLE bad signature")
        var attempts: [RebuildOutcome.Attempt] = []
        for number in 1...2 {
            let built = try directory.write("build\(number)/fw.bin", "firmware built \(number)\n")
            attempts.append(
                RebuildOutcome.Attempt(
                    folder: directory.file("build\(number)"), exitStatus: 0,
                    logPath: try directory.write("build\(number).log", "SAMPLE\n"),
                    artifacts: [
                        .init(path: "fw.bin", keptAt: built, size: 17, sha256: try DigestContext.digest(fileAt: built).0.hex)
                    ], startedAt: "2026-06-01T00:00:00Z", finishedAt: "2026-06-01T00:00:01Z"))
        }
        try store.recordRebuild(
            deposit: 2,
            outcome: RebuildOutcome(
                command: "make", environment: [:], sourceDateEpoch: 0, network: "SAMPLE", attempts: attempts))
        _ = try ArtifactVerifier.verify(.vendor("Borealis Telecom"), store: store, diffoscope: nil)
    }

    @Test func theLatestVerdictDiffers() throws {
        let findings = try fixture.findings(BinaryDiffersRule(), asOf: today)
        #expect(findings.map(\.id) == ["binary-differs:artifact-2"])
        #expect(findings.first?.severity == .high)
        #expect(
            findings.first?.records == [RecordReference("artifact", 2), RecordReference("artifactVerification", 1)])
        #expect(try fixture.findings(BinaryDiffersRule(), asOf: AuditFixture.asOf).isEmpty, "not yet on that day")
    }

    @Test func artefactsOfVendorsWithAnOfferNeedAnExpectation() throws {
        let findings = try fixture.findings(BinaryWithoutProvenanceRule(), asOf: today)
        // #1 is expected, #2 is named by an expectation (it differs), #4's vendor offers no escrow.
        #expect(findings.map(\.id) == ["binary-without-provenance:artifact-3"])
        #expect(findings.first?.severity == .medium)
    }

    @Test func refusedEvidenceIsReported() throws {
        let findings = try fixture.findings(ProvenanceSignatureInvalidRule(), asOf: today)
        #expect(findings.map(\.id) == ["provenance-signature-invalid:evidence-1"])
        #expect(findings.first?.severity == .high)
        #expect(findings.first?.message.hasSuffix("SAMPLE bad signature") == true)
    }

    @Test func aRebuildWhoseAttemptsDisagree() throws {
        let findings = try fixture.findings(RebuildNotReproducibleRule(), asOf: today)
        #expect(findings.map(\.id) == ["rebuild-not-reproducible:deposit-2"])
        #expect(findings.first?.severity == .medium)
        #expect(findings.first?.message.hasSuffix("its attempts built different fw.bin.") == true)
    }
}
