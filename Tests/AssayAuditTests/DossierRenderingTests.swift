import AssayAudit
import AssayBundle
import AssayCore
import AssayCrypto
import AssayProvenance
import AssayStore
import AssayTestSupport
import Foundation
import GRDB
import Testing

/// Dossiers of the demo scenario, rendered and compared byte for byte with reviewed files in `Golden/`.
/// Run with `ASSAY_UPDATE_GOLDEN=1` to rewrite them after an intended change, then review the diff.
@Suite struct DossierRenderingTests {
    let directory = TemporaryDirectory()
    let store: Store

    init() throws {
        store = try Store(location: StoreLocation(path: directory.file("assay.sqlite")), actor: "golden")
        var zte = VendorDraft(name: "ZTE")
        zte.country = try CountryCode("CN")
        var huawei = VendorDraft(name: "Huawei Technologies Co., Ltd.")
        huawei.country = try CountryCode("CN")
        huawei.aliases = ["Huawei"]
        var device = VendorDraft(name: "Huawei Device Co., Ltd.")
        device.country = try CountryCode("CN")
        device.parent = "Huawei"
        try store.addVendors([zte, huawei, device])
        _ = try store.importEvents(from: Paths.packageRoot + "/Scripts/demo-data/events.csv")
        var sample = MarketEventDraft(
            vendor: "Huawei Device Co., Ltd.", type: .procurementBan,
            jurisdiction: try Jurisdiction("SE"), announcedOn: try PartialDate(parsing: "2021"))
        sample.notes = "SAMPLE DATA for tests, not a real event."
        try store.addEvent(sample)
        var cert = CertificationDraft(vendor: "Huawei Device Co., Ltd.", scheme: try CertificationScheme("iso27001"))
        cert.number = "SAMPLE-1"
        cert.issuer = "Sample Certification Body"
        cert.issuedOn = try CalendarDate(iso: "2021-06-01")
        cert.validUntil = try CalendarDate(iso: "2024-05-31")
        try store.addCertification(cert)
        try store.setCertificationStatus(
            1, to: .suspended, effectiveOn: try CalendarDate(iso: "2022-03-01"),
            reason: "SAMPLE: open nonconformity")
        try addEscrowAndRegistry()
        let queue = try DatabaseQueue(path: store.location.path)
        try queue.write { db in
            let fixed = "2026-01-02T03:04:05.000Z"
            try db.execute(sql: "UPDATE vendor SET createdAt = ?1, updatedAt = ?1", arguments: [fixed])
            try db.execute(sql: "UPDATE marketEvent SET createdAt = ?1, updatedAt = ?1", arguments: [fixed])
            try db.execute(sql: "UPDATE certification SET createdAt = ?1, updatedAt = ?1", arguments: [fixed])
            try db.execute(sql: "UPDATE certificationStatusChange SET recordedAt = ?1", arguments: [fixed])
            try db.execute(sql: "UPDATE registryImport SET importedAt = ?1", arguments: [fixed])
            try db.execute(sql: "UPDATE escrowOffer SET createdAt = ?1", arguments: [fixed])
            try db.execute(sql: "UPDATE escrowDeposit SET depositedAt = '2022-02-01T10:00:00.000Z'")
            try db.execute(sql: "UPDATE escrowVerification SET verifiedAt = '2022-03-01T10:00:00.000Z' WHERE id = 1")
            try db.execute(sql: "UPDATE escrowVerification SET verifiedAt = '2026-05-01T10:00:00.000Z' WHERE id = 2")
            try db.execute(sql: "UPDATE expectation SET recordedAt = '2022-02-02T10:00:00.000Z'")
            try db.execute(sql: "UPDATE artifact SET addedAt = '2023-01-01T10:00:00.000Z'")
            try db.execute(sql: "UPDATE rebuildRun SET recordedAt = '2022-04-01T10:01:00.000Z'")
            try db.execute(sql: "UPDATE artifactVerification SET verifiedAt = '2023-01-02T10:00:00.000Z'")
        }
    }

    /// A Common Criteria claim of Huawei Device that the (sample) CC portal row archived in 2026, one that no row
    /// supports, and an escrow offer with a deposit verified twice: passed, then failed.
    private func addEscrowAndRegistry() throws {
        var claim = CertificationDraft(vendor: "Huawei Device Co., Ltd.", scheme: try CertificationScheme("cc"))
        claim.level = "EAL4+"
        claim.augmentations = ["ALC_FLR.2"]
        claim.product = "Sample Phone OS"
        claim.issuedOn = try CalendarDate(iso: "2021-01-10")
        claim.validUntil = try CalendarDate(iso: "2027-01-10")
        try store.addCertification(claim)
        var ghost = CertificationDraft(vendor: "Huawei Device Co., Ltd.", scheme: try CertificationScheme("cc"))
        ghost.number = "SAMPLE-GHOST"
        try store.addCertification(ghost)
        var row = RegistryEntry(
            recordKey: "SAMPLE-CC-REPORT", manufacturer: "Huawei Device Co., Ltd.", product: "Sample Phone OS 1.0",
            status: "active")
        row.level = "EAL4+ ALC_FLR.2"
        row.certifiedOn = try CalendarDate(iso: "2021-01-10")
        row.endsOn = try CalendarDate(iso: "2026-03-01")
        _ = try store.importRegistry(
            .ccPortal, entries: [row], path: "sample-cc-portal.csv", sha256: String(repeating: "0", count: 64),
            dryRun: false)
        var offer = EscrowOfferDraft(vendor: "Huawei Device Co., Ltd.", kind: .agentDeposit)
        offer.agent = "SAMPLE escrow agent"
        offer.offeredOn = try CalendarDate(iso: "2022-01-01")
        let offerId = try store.addEscrowOffer(offer).id
        let bundle = directory.file("bundle")
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try Data("SAMPLE\n".utf8).write(to: URL(fileURLWithPath: bundle + "/README"))
        let deposit = try store.recordDeposit(
            offer: offerId, manifest: try BundleReader.read(at: bundle), label: "SAMPLE 1.0", sourcePath: bundle)
        try store.recordVerification(deposit: deposit.id, bundlePath: bundle, outcome: .passed, summary: nil)
        try store.recordVerification(
            deposit: deposit.id, bundlePath: bundle, outcome: .failed, summary: nil, error: nil)
        try addBinaries(deposit: deposit.id)
    }

    /// SAMPLE binaries: firmware a statement says the deposit builds (its source, the deposit's README, named),
    /// the shipped copy (reproduced), a patched copy in the field (differs) and a rebuild whose attempts disagree.
    private func addBinaries(deposit: Int64) throws {
        for folder in ["shipped", "field", "build1", "build2"] {
            try FileManager.default.createDirectory(atPath: directory.file(folder), withIntermediateDirectories: true)
        }
        let shipped = try directory.write("shipped/fw.bin", "SAMPLE firmware\n")
        let field = try directory.write("field/fw.bin", "SAMPLE firmware, patched\n")
        let evidence = try directory.write("fw.intoto.json", "{\"_type\": \"SAMPLE\"}\n")
        let claim = ProvenanceClaim(
            kind: .slsaProvenance, fileSha256: try DigestContext.digest(fileAt: evidence).0.hex, strength: .unsigned,
            subjects: [DigestedName(name: "fw.bin", digests: ["sha256": try DigestContext.digest(fileAt: shipped).0.hex])],
            sources: [DigestedName(name: "README", digests: ["sha256": try DigestContext.digest(Array("SAMPLE\n".utf8)).hex])],
            builder: "SAMPLE builder")
        try store.recordExpectations(deposit: deposit, claims: [claim], evidenceFiles: [evidence])
        try store.addArtifact(ArtifactDraft(vendor: "Huawei Device Co., Ltd.", product: "Sample Phone OS"), file: shipped)
        try store.addArtifact(ArtifactDraft(vendor: "Huawei Device Co., Ltd.", site: "SAMPLE site"), file: field)
        var attempts: [RebuildOutcome.Attempt] = []
        for number in 1...2 {
            let built = try directory.write("build\(number)/fw.bin", "SAMPLE firmware built \(number)\n")
            attempts.append(
                RebuildOutcome.Attempt(
                    folder: directory.file("build\(number)"), exitStatus: 0,
                    logPath: try directory.write("build\(number).log", "SAMPLE\n"),
                    artifacts: [
                        .init(path: "fw.bin", keptAt: built, size: 0, sha256: try DigestContext.digest(fileAt: built).0.hex)
                    ], startedAt: "2022-04-01T10:00:00.000Z", finishedAt: "2022-04-01T10:01:00.000Z"))
        }
        try store.recordRebuild(
            deposit: deposit,
            outcome: RebuildOutcome(
                command: "make", environment: [:], sourceDateEpoch: 0, network: "SAMPLE", attempts: attempts))
        _ = try ArtifactVerifier.verify(.vendor("Huawei Device Co., Ltd."), store: store, diffoscope: nil)
    }

    func dossier(_ vendor: String) throws -> Dossier {
        try store.dossier(
            vendor, asOf: try CalendarDate(iso: "2026-06-01"), knownOn: try CalendarDate(iso: "2026-06-01"))
    }

    @Test func huaweiDeviceInMarkdown() throws {
        try Golden.expect(
            "huawei-device.md", MarkdownRenderer.render(DossierOutline.document(try dossier("Huawei Device Co., Ltd.")))
        )
    }

    @Test func huaweiDeviceInJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(try dossier("Huawei Device Co., Ltd.")), as: UTF8.self) + "\n"
        try Golden.expect("huawei-device.json", json)
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        #expect(try SchemaValidator.problems(in: json, schema: "dossier.schema.json") == nil)
    }

    @Test func huaweiParentInMarkdownShowsTheAffiliatesEvent() throws {
        try Golden.expect("huawei.md", MarkdownRenderer.render(DossierOutline.document(try dossier("Huawei"))))
    }

    @Test func zteInText() throws {
        try Golden.expect("zte.txt", TextRenderer.render(DossierOutline.document(try dossier("ZTE"))))
    }

    /// Escrow as it stood on each day: the offer from its offer date, deposits and runs from when recorded.
    @Test func escrowFollowsAsOf() throws {
        func deposits(_ asOf: String) throws -> [DossierEscrowDeposit]? {
            try store.dossier(
                "Huawei Device Co., Ltd.", asOf: try CalendarDate(iso: asOf),
                knownOn: try CalendarDate(iso: "2026-06-01")
            ).summary.escrow.first?.deposits
        }
        #expect(try deposits("2021-12-31") == nil)
        #expect(try deposits("2022-01-15") == [])
        #expect(try deposits("2022-02-15")?.map(\.verificationRuns) == [0])
        #expect(try deposits("2022-03-15")?.first?.lastVerification?.outcome == .passed)
        #expect(try deposits("2026-06-01")?.first?.lastVerification?.outcome == .failed)
    }

    /// A registry import after the knowledge day does not count, though the claims were known.
    @Test func registryImportsAfterTheKnowledgeDayDoNotCount() throws {
        let queue = try DatabaseQueue(path: store.location.path)
        try queue.write { db in
            try db.execute(sql: "UPDATE registryImport SET importedAt = '2026-07-01T00:00:00.000Z'")
        }
        let before = try dossier("Huawei Device Co., Ltd.")
        #expect(before.summary.reconciliation.isEmpty)
        #expect(before.summary.certifications.map(\.registry) == [nil, nil, nil])
        #expect(!before.timeline.contains { $0.kind == .registryReconciliation })
        let later = try store.dossier(
            "Huawei Device Co., Ltd.", asOf: try CalendarDate(iso: "2026-06-01"),
            knownOn: try CalendarDate(iso: "2026-07-01"))
        #expect(later.summary.certifications.map(\.registry) == [nil, [.archived], [.notFound]])
        #expect(!later.timeline.contains { $0.kind == .registryReconciliation }, "dated after the day")
    }

    @Test func htmlEscapesEveryPieceOfData() throws {
        try store.addVendor(VendorDraft(name: "<script>alert('x')</script> & \"Co\""))
        let html = HTMLRenderer.render(DossierOutline.document(try dossier("<script>alert('x')</script> & \"Co\"")))
        #expect(!html.contains("<script>"))
        #expect(
            html.contains(
                "<h1>Vendor dossier: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;</h1>"))
        let markdown = MarkdownRenderer.render(
            DossierOutline.document(try dossier("<script>alert('x')</script> & \"Co\"")))
        #expect(markdown.hasPrefix("# Vendor dossier: \\<script\\>alert('x')\\</script\\> \\& \"Co\"\n"))
    }
}
