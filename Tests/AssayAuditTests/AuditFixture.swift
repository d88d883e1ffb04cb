import AssayAudit
import AssayBundle
import AssayCore
import AssayTestSupport
import Foundation
import GRDB

@testable import AssayStore

/// A store holding one example of every finding as of 2026-06-01, with every timestamp fixed so that
/// reports are byte for byte the same from run to run. SAMPLE DATA: the records are made up.
struct AuditFixture {
    let directory = TemporaryDirectory()
    let store: Store
    static let asOf = day("2026-06-01")

    init() throws {
        store = try Store(location: StoreLocation(path: directory.file("assay.sqlite")), actor: "golden")
        try store.addVendors([
            Self.vendor("Acme Networks", tier: 1), Self.vendor("Borealis Telecom", tier: 1),
            Self.vendor("Borealis Devices", tier: 2, parent: "Borealis Telecom"),
            Self.vendor("<script>alert('x')</script> & \"Co\"", tier: 2),
        ])
        try certification("Acme Networks", "iso27001", "ACME-ISMS", until: "2026-06-20")
        try certification("Acme Networks", "soc2", "ACME-SOC2", until: "2026-08-15")
        try certification("Acme Networks", "cc", "ACME-CC", until: "2026-03-01")
        try certification("Acme Networks", "nesas", "ACME-NESAS", until: "2027-12-31")
        try store.setCertificationStatus(4, to: .suspended, effectiveOn: day("2026-05-01"), reason: "SAMPLE")
        try certification("<script>alert('x')</script> & \"Co\"", "iso27001", "<b>X</b>", until: "2026-01-31")
        try certification("Borealis Devices", "x509", nil, until: "2026-02-01")
        try event("Borealis Telecom", .entityListListing, "US", "2020-05-15", affiliates: true)
        try event("Borealis Devices", .procurementBan, "EU", "2026", affiliates: false)
        try event("Borealis Devices", .procurementBan, "SE", "2021-01-01", affiliates: false)
        try event("Acme Networks", .investigation, "US", "2022-01-01", affiliates: false)
        let bundle = directory.file("bundle")
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try Data("SAMPLE\n".utf8).write(to: URL(fileURLWithPath: bundle + "/README"))
        let manifest = try BundleReader.read(at: bundle)
        try offer("Acme Networks", on: "2025-01-01")  // #1: never deposited
        try store.recordDeposit(
            offer: try offer("Borealis Telecom", on: "2025-06-01"), manifest: manifest, label: "1.0",
            sourcePath: bundle)  // deposit #1: never verified
        try store.recordDeposit(
            offer: try offer("Acme Networks", on: "2024-06-01"), manifest: manifest, label: "2.0",
            sourcePath: bundle)  // deposit #2: verified long ago
        try store.recordVerification(deposit: 2, bundlePath: bundle, outcome: .passed, summary: nil)
        try store.recordDeposit(
            offer: try offer("Borealis Devices", on: "2025-06-01"), manifest: manifest, label: "3.0",
            sourcePath: bundle)  // deposit #3: passed, then failed
        try store.recordVerification(deposit: 3, bundlePath: bundle, outcome: .passed, summary: nil)
        try store.recordVerification(deposit: 3, bundlePath: bundle, outcome: .failed, summary: nil)
        try fix()
        try acceptRisks()
    }

    /// Risk acceptances as of 2026-06-01: #1 in effect, #2 expired, #3 stale (no such finding), #4 longer than
    /// the policy allows for a high finding (capped at 2026-06-30), #5 revoked on 2026-05-20.
    private func acceptRisks() throws {
        func accept(_ finding: String, _ severity: Severity, on: String, until: String, ticket: String? = nil) throws {
            var draft = RiskAcceptanceDraft(
                findingId: finding, owner: "SAMPLE Owner", reason: "SAMPLE <i>reason</i> & co",
                acceptedOn: day(on), until: day(until), severity: severity)
            draft.ticket = ticket
            try store.acceptRisk(draft)
        }
        try accept("escrow-deposit-overdue:offer-1", .medium, on: "2026-05-01", until: "2026-07-31", ticket: "SAMPLE-1")
        try accept("certification-expired:certification-3", .high, on: "2026-03-01", until: "2026-05-15")
        try accept("x509-weak:certification-99", .medium, on: "2026-05-01", until: "2026-08-01")
        try accept("market-restriction:vendor-3-event-1", .high, on: "2026-04-01", until: "2026-12-31")
        try accept("escrow-never-verified:deposit-1", .medium, on: "2026-05-01", until: "2026-07-01")
        try store.revokeRiskAcceptance(5, reason: "SAMPLE: deposit verified elsewhere", on: day("2026-05-20"))
    }

    /// Fixes timestamps, and registers the X.509 details of certification #6 (weak and expired), through the
    /// store's own write path so that the audit log records the rows as changed (the audit must not see tampering).
    private func fix() throws {
        try store.write { db, _ in
            try db.insert(X509Details(
                certificationId: 6, fingerprint: String(repeating: "ab", count: 32), subject: "CN=device.example",
                issuer: "CN=SAMPLE CA", serialNumber: "01", notBefore: "2024-02-01T00:00:00Z",
                notAfter: "2026-02-01T00:00:00Z", signatureAlgorithm: "sha1WithRSAEncryption",
                keyAlgorithm: "rsaEncryption", keyBits: 1024, dnsNames: ["device.example"],
                weaknesses: ["signed with the weak digest SHA-1", "RSA key of 1024 bits (minimum 2048)"],
                sourceFile: "device.pem"
            ))
            try db.run(#"UPDATE "escrowDeposit" SET "depositedAt" = '2025-06-10T00:00:00.000Z'"#)
            try db.run(#"UPDATE "escrowVerification" SET "verifiedAt" = '2025-01-10T00:00:00.000Z' WHERE "id" = 1"#)
            try db.run(#"UPDATE "escrowVerification" SET "verifiedAt" = '2026-05-20T00:00:00.000Z' WHERE "id" > 1"#)
        }
    }

    /// The snapshot as of the fixture's day (or another).
    func snapshot(_ asOf: CalendarDate = AuditFixture.asOf) throws -> AuditSnapshot {
        try store.auditSnapshot(asOf: asOf)
    }

    /// The findings of one rule under the default policy.
    func findings(_ rule: some AuditRule, asOf: CalendarDate = AuditFixture.asOf) throws -> [AssayAudit.Finding] {
        rule.findings(in: AuditContext(snapshot: try snapshot(asOf), policy: try AuditPolicy.standard()))
    }

    private static func vendor(_ name: String, tier: Int, parent: String? = nil) -> VendorDraft {
        var draft = VendorDraft(name: name)
        draft.relationship = .supplier
        draft.tier = tier
        draft.parent = parent
        return draft
    }

    private func certification(_ vendor: String, _ scheme: String, _ number: String?, until: String) throws {
        var draft = CertificationDraft(vendor: vendor, scheme: try CertificationScheme(scheme))
        draft.number = number
        draft.issuedOn = day("2024-01-01")
        draft.validUntil = day(until)
        try store.addCertification(draft)
    }

    private func event(
        _ vendor: String, _ type: MarketEventType, _ jurisdiction: String, _ on: String, affiliates: Bool
    ) throws {
        var draft = MarketEventDraft(
            vendor: vendor, type: type, jurisdiction: try Jurisdiction(jurisdiction),
            announcedOn: try PartialDate(parsing: on))
        draft.appliesToAffiliates = affiliates
        try store.addEvent(draft)
    }

    @discardableResult
    private func offer(_ vendor: String, on: String) throws -> Int64 {
        var draft = EscrowOfferDraft(vendor: vendor, kind: .agentDeposit)
        draft.offeredOn = day(on)
        return try store.addEscrowOffer(draft).id
    }
}

/// A day from text known to be valid (test data only).
func day(_ text: String) -> CalendarDate {
    (try? CalendarDate(iso: text)) ?? CalendarDate(Date(timeIntervalSince1970: 0))
}
