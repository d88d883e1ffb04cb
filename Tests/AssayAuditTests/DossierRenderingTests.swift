import AssayAudit
import AssayCore
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
        let queue = try DatabaseQueue(path: store.location.path)
        try queue.write { db in
            let fixed = "2026-01-02T03:04:05.000Z"
            try db.execute(sql: "UPDATE vendor SET createdAt = ?1, updatedAt = ?1", arguments: [fixed])
            try db.execute(sql: "UPDATE marketEvent SET createdAt = ?1, updatedAt = ?1", arguments: [fixed])
            try db.execute(sql: "UPDATE certification SET createdAt = ?1, updatedAt = ?1", arguments: [fixed])
            try db.execute(sql: "UPDATE certificationStatusChange SET recordedAt = ?1", arguments: [fixed])
        }
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
        if SchemaValidator.isAvailable {
            #expect(try SchemaValidator.problems(in: json, schema: "dossier.schema.json") == nil)
        }
    }

    @Test func huaweiParentInMarkdownShowsTheAffiliatesEvent() throws {
        try Golden.expect("huawei.md", MarkdownRenderer.render(DossierOutline.document(try dossier("Huawei"))))
    }

    @Test func zteInText() throws {
        try Golden.expect("zte.txt", TextRenderer.render(DossierOutline.document(try dossier("ZTE"))))
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
