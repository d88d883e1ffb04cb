import AssayBundle
import AssayStore
import AssayTestSupport
import AssayWorkflows
import Foundation
import Testing

@Suite("Escrow verify, manifest, diff and history workflows")
struct DepositVerificationTests {
    private func deposit(_ fixture: EscrowFixture, label: String = "v1") throws -> EscrowDeposit {
        var request = BundleDeposit(offer: fixture.offer.id, bundle: fixture.bundle)
        request.label = label
        guard case .recorded(let deposit, _) = try request.record(in: fixture.store) else {
            throw CocoaError(.featureUnsupported)
        }
        return deposit
    }

    @Test("a bundle that cannot be read is recorded as an error run, and the error reaches the caller unchanged")
    func unreadableBundleRecordsErrorRun() throws {
        let fixture = try EscrowFixture()
        let made = try deposit(fixture)
        let missing = fixture.directory.file("gone")
        let error = try #require(throws: BundleError.self) {
            try DepositVerification(deposit: made.id, bundle: missing).run(in: fixture.store)
        }
        let runs = try fixture.store.verifications(deposit: made.id)
        #expect(runs.map(\.outcome) == [.error])
        #expect(runs.first?.error == error.description)
        #expect(runs.first?.bundlePath == missing)
    }

    @Test("a signature by a stranger is announced before the read, fails the run, and the run keeps no signer")
    func strangerSignatureFailsRun() throws {
        let fixture = try EscrowFixture()
        let made = try deposit(fixture)
        let canonical = try DepositManifests.canonicalBytes(of: made.id, in: fixture.store)
        let signature = try fixture.sign(canonical, with: fixture.strangerKey, as: "stranger.sig")
        var announced: [String] = []
        let result = try DepositVerification(deposit: made.id, bundle: fixture.bundle, signature: signature)
            .run(in: fixture.store, signatureRejected: { announced.append($0) })
        #expect(announced == ["Borealis Telecom"])
        #expect(result.run.outcome == .failed)
        #expect(result.run.signerKey == nil)
        #expect(result.report.summary.matched > 0)
        #expect(result.report.differences.isEmpty)
    }

    @Test("the vendor's signature over the exported manifest passes, and the run names the vendor's key")
    func vendorSignaturePasses() throws {
        let fixture = try EscrowFixture()
        let made = try deposit(fixture)
        let exported = fixture.directory.file("exported.json")
        try DepositManifests.export(made.id, in: fixture.store, to: exported)
        let signature = try fixture.sign(
            Array(try Data(contentsOf: URL(fileURLWithPath: exported))), with: fixture.vendorKey, as: "vendor.sig")
        let result = try DepositVerification(deposit: made.id, bundle: fixture.bundle, signature: signature)
            .run(in: fixture.store, signatureRejected: { _ in Issue.record("the vendor's signature was rejected") })
        #expect(result.run.outcome == .passed)
        #expect(result.run.signerKey == fixture.vendorKey.publicKey.fingerprint.hex)
        #expect(try fixture.store.escrowDeposit(made.id).lastVerification?.id == result.run.id)
    }

    @Test("the exported manifest is the canonical bytes, and the diff of two deposits counts what changed")
    func exportAndDiff() throws {
        let fixture = try EscrowFixture()
        let first = try deposit(fixture)
        try fixture.directory.write("source/src/util.c", "int util(void) { return 2; }\n")
        try fixture.directory.write("source/README", "Borealis base station firmware, release 2\n")
        let second = try deposit(fixture, label: "v2")
        let exported = fixture.directory.file("first.json")
        try DepositManifests.export(first.id, in: fixture.store, to: exported)
        #expect(
            Array(try Data(contentsOf: URL(fileURLWithPath: exported)))
                == (try DepositManifests.canonicalBytes(of: first.id, in: fixture.store)))
        let diff = try DepositManifests.diff(from: first.id, to: second.id, in: fixture.store)
        #expect(diff.added.map(\.path) == ["src/util.c"])
        #expect(diff.removed.isEmpty)
        #expect(diff.changed.map(\.path) == ["README"])
    }

    @Test("the timeline lists an offer, its deposits and their runs in time order; another offer is left out")
    func timeline() throws {
        let fixture = try EscrowFixture()
        let made = try deposit(fixture)
        _ = try DepositVerification(deposit: made.id, bundle: fixture.bundle).run(in: fixture.store)
        let other = try fixture.store.addEscrowOffer(
            EscrowOfferDraft(vendor: "Borealis Telecom", kind: .regulatorReview))
        let events = try EscrowTimeline.events(vendor: nil, offer: fixture.offer.id, in: fixture.store)
        #expect(events.map(\.kind) == ["offer", "deposit", "verification"])
        #expect(events.map(\.at) == events.map(\.at).sorted())
        #expect(events[2].detail == "deposit #\(made.id) passed by tester")
        let everything = try EscrowTimeline.events(vendor: "Borealis Telecom", in: fixture.store)
        #expect(everything.filter { $0.kind == "offer" }.map(\.id).sorted() == [fixture.offer.id, other.id])
    }
}
