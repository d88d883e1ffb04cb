import AssayBundle
import AssayStore
import AssayTestSupport
import AssayWorkflows
import Foundation
import Testing

@Suite("Escrow deposit workflow")
struct EscrowDepositTests {
    /// The depositor's manifest of the fixture's bundle, written as JSON, with the vendor's signature over it.
    private func signedManifest(_ fixture: EscrowFixture, key: PrivateKeyChoice) throws -> (String, String) {
        let manifest = fixture.directory.file("depositor.json")
        _ = try BundleHashing.hash(fixture.bundle, as: .auto, options: ReadOptions(), writingTo: manifest)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: manifest)))
        let signer = key == .vendor ? fixture.vendorKey : fixture.strangerKey
        return (manifest, try fixture.sign(bytes, with: signer, as: "depositor.sig"))
    }

    private enum PrivateKeyChoice { case vendor, stranger }

    @Test("a signature by no key of the vendor records nothing and names the vendor")
    func foreignSignatureRecordsNothing() throws {
        let fixture = try EscrowFixture()
        let (manifest, signature) = try signedManifest(fixture, key: .stranger)
        var request = BundleDeposit(offer: fixture.offer.id, bundle: fixture.bundle)
        request.manifest = manifest
        request.signature = signature
        guard case .signatureRejected(let vendor) = try request.record(in: fixture.store) else {
            Issue.record("expected the signature to be rejected")
            return
        }
        #expect(vendor == "Borealis Telecom")
        #expect(try fixture.store.escrowDeposits(offer: fixture.offer.id).isEmpty)
    }

    @Test("a bundle changed since the depositor's manifest records nothing; the report names the file")
    func mismatchRecordsNothing() throws {
        let fixture = try EscrowFixture()
        let (manifest, signature) = try signedManifest(fixture, key: .vendor)
        try fixture.directory.write("source/src/main.c", "int main(void) { return 1; }\n")
        var request = BundleDeposit(offer: fixture.offer.id, bundle: fixture.bundle)
        request.manifest = manifest
        request.signature = signature
        guard case .mismatch(let report) = try request.record(in: fixture.store) else {
            Issue.record("expected a mismatch")
            return
        }
        #expect(report.differences.map(\.path) == ["src/main.c"])
        #expect(try fixture.store.escrowDeposits(offer: fixture.offer.id).isEmpty)
    }

    @Test("a signed deposit is recorded with its signer's key, in the manifest's algorithm, with progress reported")
    func signedDepositRecorded() throws {
        let fixture = try EscrowFixture()
        let manifest = fixture.directory.file("depositor.sha512")
        var options = ReadOptions()
        options.algorithm = .sha512
        _ = try BundleHashing.hash(fixture.bundle, as: .auto, options: options, writingTo: manifest, format: .gnu)
        let signature = try fixture.sign(
            Array(try Data(contentsOf: URL(fileURLWithPath: manifest))), with: fixture.vendorKey, as: "d.sig")
        var request = BundleDeposit(offer: fixture.offer.id, bundle: fixture.bundle)
        request.manifest = manifest
        request.signature = signature
        request.label = "v1.0"
        let counter = Counter()
        guard case .recorded(let deposit, let read) = try request.record(in: fixture.store, progress: counter.count)
        else {
            Issue.record("expected the deposit to be recorded")
            return
        }
        #expect(deposit.signerKey == fixture.vendorKey.publicKey.fingerprint.hex)
        #expect(deposit.algorithm == "sha512")
        #expect(deposit.label == "v1.0")
        #expect(deposit.files == 3)
        #expect(read.bundleDigest?.hex == deposit.bundleDigest)
        #expect(try fixture.store.escrowDeposits(offer: fixture.offer.id).map(\.id) == [deposit.id])
        #expect(counter.value > 0)
    }
}

/// Counts progress callbacks.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0

    var value: Int { lock.withLock { calls } }

    var count: @Sendable (ReadProgress) -> Void { { [self] _ in lock.withLock { calls += 1 } } }
}
