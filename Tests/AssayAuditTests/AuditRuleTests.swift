import AssayAudit
import AssayCore
import AssayStore
import AssayTestSupport
import Foundation
import GRDB
import Testing

/// Each rule against the fixture's records on fixed days.
@Suite struct AuditRuleTests {
    let fixture: AuditFixture

    init() throws { fixture = try AuditFixture() }

    @Test func expiringCertificationsTakeTheTightestLeadTimesSeverityAndKeepTheirIds() throws {
        let findings = try fixture.findings(CertificationExpiringRule())
        #expect(
            findings.map(\.id) == ["certification-expiring:certification-1", "certification-expiring:certification-2"])
        #expect(findings.map(\.severity) == [.medium, .low])
        #expect(findings[0].message.contains("19 days left (within the 30-day lead time)"))
        let later = try fixture.findings(CertificationExpiringRule(), asOf: day("2026-06-15"))
        #expect(later.first?.id == "certification-expiring:certification-1")
        #expect(later.first?.severity == .high)
        #expect(try fixture.findings(CertificationExpiringRule(), asOf: day("2025-06-01")).isEmpty)
    }

    @Test func expiredCertificationsButNotX509Ones() throws {
        let findings = try fixture.findings(CertificationExpiredRule())
        #expect(
            findings.map(\.id) == ["certification-expired:certification-3", "certification-expired:certification-5"])
        #expect(findings[0].records == [RecordReference("certification", 3)])
        #expect(
            try fixture.findings(CertificationExpiredRule(), asOf: day("2026-02-28")).map(\.id)
                == ["certification-expired:certification-5"])
    }

    @Test func suspendedFromTheDayItTakesEffect() throws {
        let findings = try fixture.findings(CertificationStatusRule())
        #expect(findings.map(\.id) == ["certification-suspended:certification-4"])
        #expect(findings.first?.severity == .medium)
        #expect(try fixture.findings(CertificationStatusRule(), asOf: day("2026-04-30")).isEmpty)
    }

    @Test func requiredSchemeMissingForTierOneSuppliersOnly() throws {
        let findings = try fixture.findings(RequiredSchemeRule())
        #expect(findings.map(\.id) == ["required-scheme-missing:vendor-2-iso27001"])
        #expect(findings.first?.vendor?.name == "Borealis Telecom")
        // Once Acme's ISO/IEC 27001 has expired, Acme lacks it too, with the expired certification as a record.
        let later = try fixture.findings(RequiredSchemeRule(), asOf: day("2026-07-01"))
        #expect(
            later.map(\.id) == [
                "required-scheme-missing:vendor-1-iso27001", "required-scheme-missing:vendor-2-iso27001",
            ])
        #expect(later[0].records.contains(RecordReference("certification", 1)))
    }

    @Test func x509WeakAndExpired() throws {
        let weak = try fixture.findings(X509WeaknessRule())
        #expect(weak.map(\.id) == ["x509-weak:certification-6"])
        #expect(weak.first?.message.contains("SHA-1") == true)
        #expect(try fixture.findings(X509ExpiredRule()).map(\.id) == ["x509-expired:certification-6"])
        #expect(try fixture.findings(X509ExpiredRule(), asOf: day("2026-01-31")).isEmpty)
    }

    @Test func escrowRules() throws {
        #expect(try fixture.findings(EscrowDepositOverdueRule()).map(\.id) == ["escrow-deposit-overdue:offer-1"])
        // On 2025-03-31 offer #1 is within its allowance, and offer #3's deposit (2025-06-10) is still to come.
        #expect(
            try fixture.findings(EscrowDepositOverdueRule(), asOf: day("2025-03-31")).map(\.id) == [
                "escrow-deposit-overdue:offer-3"
            ])
        #expect(try fixture.findings(EscrowNeverVerifiedRule()).map(\.id) == ["escrow-never-verified:deposit-1"])
        #expect(
            try fixture.findings(EscrowVerificationStaleRule()).map(\.id) == ["escrow-verification-stale:deposit-2"])
        #expect(try fixture.findings(EscrowVerificationStaleRule(), asOf: day("2025-12-31")).isEmpty)
        let failed = try fixture.findings(EscrowVerificationFailedRule())
        #expect(failed.map(\.id) == ["escrow-verification-failed:deposit-3"])
        #expect(failed.first?.records.last == RecordReference("escrowVerification", 3))
        // Before the failed run, the deposit's last run passed.
        #expect(try fixture.findings(EscrowVerificationFailedRule(), asOf: day("2026-05-19")).isEmpty)
    }

    @Test func marketRestrictionsThroughTheAffiliateTreeInJurisdictionsOfInterest() throws {
        let findings = try fixture.findings(MarketRestrictionRule())
        #expect(
            findings.map(\.id).sorted() == [
                "market-restriction:vendor-2-event-1", "market-restriction:vendor-2-event-2",
                "market-restriction:vendor-3-event-1", "market-restriction:vendor-3-event-2",
            ])
        let inherited = try #require(findings.first { $0.id == "market-restriction:vendor-3-event-1" })
        #expect(inherited.path == ["Borealis Devices", "Borealis Telecom"])
        #expect(inherited.message.contains("inherited via Borealis Devices → Borealis Telecom"))
        let possible = try #require(findings.first { $0.id == "market-restriction:vendor-3-event-2" })
        #expect(possible.message.contains("possibly in force"))
        let affiliate = try #require(findings.first { $0.id == "market-restriction:vendor-2-event-2" })
        #expect(affiliate.path == ["Borealis Devices", "Borealis Telecom"])
        // SE is not a jurisdiction of interest; an investigation is not a restriction.
        #expect(!findings.contains { $0.records.contains(RecordReference("marketEvent", 3)) })
        #expect(!findings.contains { $0.records.contains(RecordReference("marketEvent", 4)) })
        #expect(try fixture.findings(MarketRestrictionRule(), asOf: day("2019-12-31")).isEmpty)
    }

    @Test func brokenAuditLogIsCritical() throws {
        #expect(try fixture.findings(AuditLogRule()).isEmpty)
        let queue = try DatabaseQueue(path: fixture.store.location.path)
        try queue.write { try $0.execute(sql: AppendOnlyTriggers.drop + " UPDATE auditLog SET actor = 'mallory' WHERE seq = 3") }
        let findings = try fixture.findings(AuditLogRule())
        #expect(findings.map(\.id) == ["audit-log-broken:audit-log"])
        #expect(findings.first?.severity == .critical)
        #expect(findings.first?.records == [RecordReference("auditLog", 3)])
    }

    @Test func recordsEditedBehindTheLogAreCritical() throws {
        #expect(try fixture.findings(RecordsTamperedRule()).isEmpty)
        let queue = try DatabaseQueue(path: fixture.store.location.path)
        try queue.write { try $0.execute(sql: "UPDATE certification SET validUntil = '2031-01-01' WHERE id = 3") }
        let findings = try fixture.findings(RecordsTamperedRule())
        #expect(findings.map(\.id) == ["records-tampered:certification:[3]"])
        #expect(findings.first?.severity == .critical)
        #expect(findings.first?.records == [RecordReference("certification", 3)])
        #expect(
            findings.first?.message.hasPrefix(
                "certification #3 differs from the log (validUntil: log says 2026-03-01, table says 2031-01-01") == true
        )
    }

    @Test func everyKindHasARuleAndTheEngineOrdersBySeverity() throws {
        let covered = Set(RuleSet.standard.flatMap(\.kinds) + AcceptanceReview.kinds)
        #expect(covered == Set(FindingKind.allCases))
        let findings = AuditEngine().evaluate(try fixture.snapshot(), policy: try AuditPolicy.standard()).findings
        #expect(findings.map(\.severity) == findings.map(\.severity).sorted(by: >))
        #expect(Set(findings.map(\.id)).count == findings.count)
    }
}
