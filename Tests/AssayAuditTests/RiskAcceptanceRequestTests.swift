import AssayAudit
import AssayCore
import AssayStore
import Testing

/// `risk accept` through the library: the finding id's shape, the policy's longest acceptance, the latest run.
@Suite struct RiskAcceptanceRequestTests {
    let fixture: AuditFixture

    init() throws {
        fixture = try AuditFixture()
    }

    func request(_ finding: String, until: String) -> RiskAcceptanceRequest {
        RiskAcceptanceRequest(
            findingId: finding, owner: "SAMPLE Owner", reason: "SAMPLE reason", ticket: nil,
            acceptedOn: day("2026-06-01"), until: day(until))
    }

    func record(_ finding: String, until: String) throws -> RiskAcceptanceRequest.Outcome {
        try request(finding, until: until).record(in: fixture.store, policy: try AuditPolicy.standard())
    }

    /// Records the fixture's audit as of 2026-06-01 as a run.
    func recordRun() throws {
        let snapshot = try fixture.snapshot()
        let report = AuditReport(
            snapshot: snapshot, policyDigest: String(repeating: "a", count: 64),
            assessment: AuditEngine().evaluate(snapshot, policy: try AuditPolicy.standard()))
        try fixture.store.recordAuditRun(
            AuditRunDraft(
                asOf: snapshot.asOf, policyDigest: report.policyDigest, format: "json", findings: report.recorded))
    }

    @Test(arguments: [
        ("market-restriction", "'market-restriction' is not a finding id: it has no ':'"),
        ("market-restrictions:vendor-3-event-1", "'market-restrictions' is not a kind of finding"),
        ("market-restriction:", "the part after 'market-restriction:' must be non-empty, without spaces"),
        ("market-restriction:vendor 3", "the part after 'market-restriction:' must be non-empty, without spaces"),
        ("acceptance-expired:risk-2", "acceptance-expired findings are about acceptances and cannot be accepted"),
    ])
    func refusesTextThatIsNotAnAcceptableFindingId(text: String, reason: String) throws {
        #expect { try record(text, until: "2026-07-01") } throws: { error in
            guard let error = error as? AuditError else { return false }
            return error.code == "audit.finding-id" && error.description.contains(reason)
        }
        #expect(try fixture.store.riskAcceptances(RiskAcceptanceFilter(day: day("2026-06-01"))).count == 5)
    }

    @Test func takesTheSeverityVendorAndSubjectFromTheLatestRun() throws {
        try recordRun()
        let outcome = try record("x509-expired:certification-6", until: "2026-08-30")
        #expect(outcome.warning == nil)
        #expect(outcome.acceptance.severity == .high)
        #expect(outcome.acceptance.vendor?.name == "Borealis Devices")
        #expect(outcome.acceptance.subject?.hasPrefix("X.509") == true)
        #expect { try record("x509-weak:certification-6", until: "2026-12-01") } throws: { error in
            (error as? AuditError)?.description
                == "the policy allows accepting medium findings for at most 180 days: until 2026-11-28 at the latest, "
                + "not 2026-12-01"
        }
    }

    @Test func refusesALongerAcceptanceThanThePolicyAllows() throws {
        try recordRun()
        #expect { try record("x509-expired:certification-6", until: "2026-08-31") } throws: { error in
            (error as? AuditError)?.description
                == "the policy allows accepting high findings for at most 90 days: until 2026-08-30 at the latest, "
                + "not 2026-08-31"
        }
        #expect { try record("audit-log-broken:audit-log", until: "2026-06-02") } throws: { error in
            (error as? AuditError)?.code == "audit.acceptance-refused"
                && (error as? AuditError)?.description
                    == "the policy allows no acceptance of critical findings, and audit-log-broken:audit-log is critical"
        }
    }

    @Test func warnsWhenTheLatestRunDidNotReportTheFinding() throws {
        let first = try record("certification-expiring:certification-77", until: "2026-07-01")
        #expect(
            first.warning
                == "no audit run is recorded to check certification-expiring:certification-77 against: check the id; "
                + "it was accepted as a high finding, the policy's severity for certification-expiring")
        #expect(first.acceptance.vendor == nil && first.acceptance.severity == .high)
        try recordRun()
        let second = try record("x509-weak:certification-77", until: "2026-07-01")
        #expect(
            second.warning?.hasPrefix(
                "x509-weak:certification-77 is not in the latest recorded audit run (#1, as of 2026-06-01)") == true)
    }

    @Test func refusesASecondAcceptanceWhileTheFirstRuns() throws {
        #expect { try record("escrow-deposit-overdue:offer-1", until: "2026-07-01") } throws: { error in
            (error as? AuditError)?.description
                == "escrow-deposit-overdue:offer-1 is already accepted until 2026-07-31 (risk acceptance #1): "
                + "revoke that acceptance first to replace it"
        }
        try fixture.store.revokeRiskAcceptance(1, reason: "SAMPLE", on: day("2026-06-01"))
        #expect(try record("escrow-deposit-overdue:offer-1", until: "2026-07-01").acceptance.id == 6)
        #expect { try fixture.store.revokeRiskAcceptance(1, reason: "again", on: day("2026-06-02")) } throws: { error in
            (error as? StoreError)?.description.hasPrefix("risk acceptance #1 was already revoked on 2026-06-01 by ")
                == true
        }
        #expect(try fixture.store.verifyLog().isIntact)
    }
}
