import AssayBundle
import AssayCrypto
import AssayProvenance
import AssayStore
import AssayTestSupport
import Foundation
import Testing

/// Artefacts, expectations, rebuilds and verdicts in a real store, with Debian's hello package and its source.
@Suite struct ArtifactStoreTests {
    let fixture: StoreFixture
    var store: Store { fixture.store }
    static let hello = Paths.fixtures + "/bundles/debian/hello_2.10-3_amd64.deb"
    static let source = Paths.fixtures + "/bundles/debian/hello_2.10-3"
    /// An archive, read as a bundle by content (a `.deb` is once package reading is in).
    static let tarball = source + "/hello_2.10.orig.tar.gz"

    init() throws {
        fixture = try StoreFixture()
        try fixture.vendor("Debian", country: "DE")
    }

    func deposit() throws -> EscrowDeposit {
        let offer = try store.addEscrowOffer(EscrowOfferDraft(vendor: "Debian", kind: .agentDeposit))
        return try store.recordDeposit(
            offer: offer.id, manifest: try BundleReader.read(at: Self.source), label: "2.10-3", sourcePath: Self.source)
    }

    static func sha256(_ path: String) throws -> String { try DigestContext.digest(fileAt: path).0.hex }

    @Test func anArtifactIsKeptWithItsDigestAndContent() throws {
        try #require(Paths.fixturesAvailable, "shared fixtures are needed")
        var draft = ArtifactDraft(vendor: "Debian", product: "hello", version: "2.10-3")
        draft.site = "lab"
        let (artifact, again) = try store.addArtifact(draft, file: Self.tarball)
        #expect(!again)
        #expect(artifact.name == "hello_2.10.orig.tar.gz")
        #expect(artifact.sha256 == (try Self.sha256(Self.tarball)))
        #expect(
            artifact.size == Int64(try FileManager.default.attributesOfItem(atPath: Self.tarball)[.size] as? Int ?? -1))
        #expect(artifact.contentDigest != nil && artifact.contentManifestSha256 != nil)
        let kept = try store.storedFilePath(sha256: artifact.sha256)
        #expect(kept.hasSuffix("/" + artifact.storedPath))
        #expect(try Self.sha256(kept) == artifact.sha256)
        #expect(try store.addArtifact(draft, file: Self.tarball).alreadyAdded)
        #expect(try store.artifacts(vendor: "Debian") == [artifact])
        #expect(try store.artifact(artifact.id) == artifact)
        #expect(try store.verifyLog(.deep).isIntact)
    }

    @Test func aPlainExecutableHasNoContentDigest() throws {
        let file = try fixture.directory.write("tool", "#!/bin/sh\necho hi\n")
        let artifact = try store.addArtifact(ArtifactDraft(vendor: "Debian"), file: file).artifact
        #expect(artifact.contentDigest == nil && artifact.contentManifestSha256 == nil)
    }

    @Test func anUnknownVendorOrMissingFileWritesNothing() throws {
        #expect(throws: StoreError.self) {
            try store.addArtifact(ArtifactDraft(vendor: "Nobody"), file: "/etc/hostname")
        }
        #expect(throws: StoreError.self) {
            try store.addArtifact(ArtifactDraft(vendor: "Debian"), file: fixture.directory.file("missing"))
        }
        #expect(try store.artifacts().isEmpty)
    }

    @Test func expectationsAreLinkedWhenTheirSourceIsInTheDeposit() throws {
        try #require(Paths.fixturesAvailable, "shared fixtures are needed")
        let deposit = try deposit()
        let dsc = try Self.sha256(Self.source + "/hello_2.10-3.dsc")
        let subject = DigestedName(name: "hello_2.10-3_amd64.deb", digests: ["sha256": try Self.sha256(Self.hello)])
        let evidence = try fixture.directory.write("hello.buildinfo", "Format: 1.0\n")
        let claims = [
            ProvenanceClaim(
                kind: .buildinfo, fileSha256: try Self.sha256(evidence), strength: .signatureUnverified,
                subjects: [subject], sources: [DigestedName(name: "hello_2.10-3.dsc", digests: ["sha256": dsc])],
                remarks: ["OpenPGP clear-signature present, not verified"])
        ]
        let (recorded, again) = try store.recordExpectations(
            deposit: deposit.id, claims: claims, evidenceFiles: [evidence])
        #expect(!again)
        #expect(recorded.count == 1)
        #expect(recorded.first?.sourceLink == .linked)
        #expect(recorded.first?.subjectSha256 == subject.sha256)
        #expect(recorded.first?.evidenceSha256 == (try Self.sha256(evidence)))
        #expect(
            try store.recordExpectations(deposit: deposit.id, claims: claims, evidenceFiles: [evidence]).alreadyRecorded
        )
        #expect(try store.expectations(deposit: deposit.id) == recorded)

        let other = try fixture.directory.write("other.buildinfo", "Format: 1.0\nBinary: x\n")
        var mismatched = claims[0]
        mismatched.fileSha256 = try Self.sha256(other)
        mismatched.sources = [
            DigestedName(name: "gzip_1.10-2.dsc", digests: ["sha256": String(repeating: "a", count: 64)])
        ]
        var binNMU = mismatched
        binNMU.sources = [DigestedName(name: "hello", digests: [:])]
        let links = try store.recordExpectations(
            deposit: deposit.id, claims: [mismatched, binNMU], evidenceFiles: [other]
        )
        .expectations.map(\.sourceLink)
        #expect(links == [.sourceMismatch, .noSourceLink])
        #expect(try store.verifyLog(.deep).isIntact)
    }

    @Test func evidenceWithoutSubjectsIsRefusedWithNothingWritten() throws {
        try #require(Paths.fixturesAvailable, "shared fixtures are needed")
        let deposit = try deposit()
        let evidence = try fixture.directory.write("empty.buildinfo", "Format: 1.0\n")
        let claim = ProvenanceClaim(kind: .spdx, fileSha256: "", strength: .unsigned, subjects: [], sources: [])
        #expect(throws: StoreError.self) {
            try store.recordExpectations(deposit: deposit.id, claims: [claim], evidenceFiles: [evidence])
        }
        #expect(try store.expectations().isEmpty)
        let rejected = try store.recordRejectedEvidence(
            deposit: deposit.id, evidenceFile: evidence, code: "provenance.signature-invalid", reason: "bad signature")
        #expect(try store.rejectedEvidence(deposit: deposit.id) == [rejected])
    }

    /// Two attempts that built different bytes: the run is not reproducible, and the first attempt's artefacts
    /// become unsigned rebuild expectations with a remark.
    @Test func aRebuildKeepsLogsAndArtefactsAndExpectsTheFirstAttempt() throws {
        try #require(Paths.fixturesAvailable, "shared fixtures are needed")
        let deposit = try deposit()
        let outcome = try rebuildOutcome(second: "2")
        let run = try store.recordRebuild(deposit: deposit.id, outcome: outcome)
        #expect(run.reproducible == .no && run.succeeded)
        #expect(run.differingArtifacts == ["out/tool"])
        #expect(run.attempts.map(\.exitStatus) == [0, 0])
        #expect(run.attempts.allSatisfy { $0.logSha256 != nil })
        #expect(run.attempts[0].artifacts.map(\.path) == ["hello.tar.gz", "out/tool"])
        #expect(run.attempts[0].artifacts[0].contentDigest != nil, "the archive's content is read")
        let expectations = try store.expectations(deposit: deposit.id)
        #expect(expectations.map(\.id) == run.expectationIds)
        #expect(expectations.map(\.subjectName) == ["hello.tar.gz", "tool"])
        #expect(expectations.allSatisfy { $0.kind == .rebuild && $0.strength == .unsigned && $0.signer == nil })
        #expect(expectations.allSatisfy { $0.builder?.hasPrefix("assay rebuild on ") == true })
        #expect(expectations.allSatisfy { $0.remarks.first?.hasPrefix("not reproducible") == true })
        #expect(try store.rebuildRuns(deposit: deposit.id) == [run])
        #expect(try store.verifyLog(.deep).isIntact)
    }

    @Test func aFailedRebuildIsRecordedWithoutExpectations() throws {
        try #require(Paths.fixturesAvailable, "shared fixtures are needed")
        let deposit = try deposit()
        var outcome = try rebuildOutcome(second: "1")
        outcome.attempts[1].exitStatus = 2
        outcome.attempts[1].artifacts[1] = .init(path: "out/tool", keptAt: nil, size: nil, sha256: nil)
        let run = try store.recordRebuild(deposit: deposit.id, outcome: outcome)
        #expect(!run.succeeded && run.reproducible == .unknown)
        #expect(run.expectationIds.isEmpty)
        #expect(run.attempts[1].artifacts[1].sha256 == nil)
    }

    @Test func aVerificationRunIsRecordedWithItsDiffoscopeReport() throws {
        try #require(Paths.fixturesAvailable, "shared fixtures are needed")
        let deposit = try deposit()
        let run = try store.recordRebuild(deposit: deposit.id, outcome: try rebuildOutcome(second: "1"))
        #expect(run.reproducible == .yes)
        let artifact = try store.addArtifact(ArtifactDraft(vendor: "Debian"), file: Self.hello).artifact
        let draft = ArtifactVerificationDraft(
            scope: "all", diffoscope: "diffoscope 1",
            entries: [
                .init(
                    artifactId: artifact.id, verdict: .differs, expectationId: run.expectationIds.first,
                    differingMembers: ["usr/bin/hello"], diffoscopeReport: "{\"source1\": \"a\"}",
                    diffoscopeSummary: ["usr/bin/hello"])
            ], rejectedEvidence: [])
        let verification = try store.recordVerification(draft)
        #expect(!verification.passed)
        #expect(verification.entries.first?.expectation?.id == run.expectationIds.first)
        #expect(
            verification.entries.first?.diffoscopeSha256 == (try DigestContext.digest(Array("{\"source1\": \"a\"}".utf8)).hex))
        #expect(try store.artifactVerifications() == [verification])
        #expect(try store.verifyLog(.deep).isIntact)
    }

    @Test func aMissingKeptFileIsNamedByLogVerify() throws {
        try #require(Paths.fixturesAvailable, "shared fixtures are needed")
        let artifact = try store.addArtifact(ArtifactDraft(vendor: "Debian"), file: Self.hello).artifact
        let verification: LogVerification
        if StoreUnderTest.isPostgreSQL {
            // The bytes are in the database: removed there, by someone who may.
            try fixture.tamper(#"DELETE FROM "blobBody" WHERE "sha256" = '"# + artifact.sha256 + "'")
            verification = try store.verifyLog()
            #expect(
                verification.problems == [
                    "artifact hello_2.10-3_amd64.deb: file \(artifact.storedPath) is missing from the database's "
                        + "blobBody table"
                ])
        } else {
            let kept = try store.storedFilePath(sha256: artifact.sha256)
            chmod(kept, 0o600)
            try FileManager.default.removeItem(atPath: kept)
            verification = try store.verifyLog()
            #expect(
                verification.problems == ["artifact hello_2.10-3_amd64.deb: file \(artifact.storedPath) is missing"])
        }
        #expect(!verification.isIntact)
    }

    /// Two attempts building the hello package and a small file whose second copy holds `second`.
    func rebuildOutcome(second: String) throws -> RebuildOutcome {
        var attempts: [RebuildOutcome.Attempt] = []
        for (number, content) in [(1, "1"), (2, second)] {
            let folder = fixture.directory.file("build\(number)")
            try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Self.tarball, toPath: folder + "/hello.tar.gz")
            let tool = try fixture.directory.write("build\(number)/out/tool", "tool \(content)\n")
            let log = try fixture.directory.write("build\(number).log", "building \(number)\n")
            attempts.append(
                RebuildOutcome.Attempt(
                    folder: folder, exitStatus: 0, logPath: log,
                    artifacts: [
                        .init(
                            path: "hello.tar.gz", keptAt: folder + "/hello.tar.gz", size: 0,
                            sha256: try Self.sha256(Self.tarball)),
                        .init(path: "out/tool", keptAt: tool, size: 7, sha256: try Self.sha256(tool)),
                    ], startedAt: "2026-01-01T00:00:00Z", finishedAt: "2026-01-01T00:00:05Z"))
        }
        return RebuildOutcome(
            command: "make", environment: ["LC_ALL": "C.UTF-8"], sourceDateEpoch: 1_672_000_000,
            network: "not isolated: not root", attempts: attempts)
    }
}
