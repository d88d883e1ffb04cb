import AssayAudit
import AssayCore
import AssayStore
import Testing

/// The fixture's risk acceptances weighed against its findings on several days and under several policies.
@Suite struct AcceptanceReviewTests {
    let fixture: AuditFixture

    init() throws {
        fixture = try AuditFixture()
    }

    func assess(_ asOf: String, policy: AuditPolicy? = nil) throws -> AuditAssessment {
        AuditEngine().evaluate(try fixture.snapshot(day(asOf)), policy: try policy ?? AuditPolicy.standard())
    }

    /// The default policy with other longest acceptances.
    func policy(high: String) throws -> AuditPolicy {
        let text = PolicyTemplate.text.replacingOccurrences(of: "    high: 90\n", with: "    high: \(high)\n")
        #expect(text != PolicyTemplate.text)
        return try PolicyReader.read(text, file: "strict.yaml")
    }

    @Test func anAcceptedFindingIsListedNotCounted() throws {
        let assessment = try assess("2026-06-01")
        #expect(
            assessment.accepted.map(\.id) == ["market-restriction:vendor-3-event-1", "escrow-deposit-overdue:offer-1"])
        let accepted = try #require(assessment.accepted.last?.acceptance)
        #expect(accepted.id == 1 && accepted.owner == "SAMPLE Owner" && accepted.ticket == "SAMPLE-1")
        #expect(accepted.until == day("2026-07-31") && accepted.cappedUntil == nil)
        #expect(!assessment.findings.contains { $0.id == "escrow-deposit-overdue:offer-1" })
        #expect(assessment.findings.allSatisfy { $0.acceptance == nil })
        let recorded = AuditReport(snapshot: try fixture.snapshot(), policyDigest: "", assessment: assessment).recorded
        #expect(recorded.first { $0.id == "escrow-deposit-overdue:offer-1" }?.acceptanceId == 1)
        #expect(recorded.filter { $0.acceptanceId == nil }.count == assessment.findings.count)
    }

    @Test func anAcceptanceLongerThanThePolicyAllowsIsCappedThenEnds() throws {
        let capped = try #require(
            try assess("2026-06-30").accepted.first { $0.id == "market-restriction:vendor-3-event-1" })
        #expect(capped.acceptance?.cappedUntil == day("2026-06-30"))
        #expect(capped.acceptance?.until == day("2026-12-31"))
        let after = try assess("2026-07-01")
        #expect(after.findings.contains { $0.id == "market-restriction:vendor-3-event-1" })
        let expired = try #require(after.findings.first { $0.id == "acceptance-expired:risk-4" })
        #expect(expired.severity == .medium)
        #expect(expired.vendor?.name == "Borealis Devices")
        #expect(expired.records.first == RecordReference("riskAcceptance", 4))
        #expect(
            expired.message
                == "The acceptance of market-restriction:vendor-3-event-1 (risk acceptance #4, owner SAMPLE Owner) "
                + "ended on 2026-06-30, the policy's limit of 90 days for high findings (it was accepted until "
                + "2026-12-31); the finding counts again.")
    }

    @Test func anExpiredAcceptanceCountsTheFindingAgainWithAFindingOfItsOwn() throws {
        let assessment = try assess("2026-06-01")
        #expect(assessment.findings.contains { $0.id == "certification-expired:certification-3" })
        let expired = try #require(assessment.findings.first { $0.id == "acceptance-expired:risk-2" })
        #expect(expired.vendor?.name == "Acme Networks")
        #expect(
            expired.message
                == "The acceptance of certification-expired:certification-3 (risk acceptance #2, owner SAMPLE Owner) "
                + "ended on 2026-05-15; the finding counts again.")
        let before = try assess("2026-05-15")
        #expect(before.accepted.contains { $0.id == "certification-expired:certification-3" })
        #expect(!before.findings.contains { $0.kind == .acceptanceExpired })
    }

    @Test func aPolicyThatAllowsNoneMakesTheAcceptanceVoid() throws {
        let assessment = try assess("2026-06-01", policy: try policy(high: "none"))
        #expect(!assessment.accepted.contains { $0.severity == .high })
        let void = try #require(assessment.findings.first { $0.id == "acceptance-expired:risk-4" })
        #expect(void.message.hasSuffix("does not apply: the policy allows no acceptance of high findings."))
        let loose = try assess("2026-07-01", policy: try policy(high: "365"))
        #expect(
            loose.accepted.contains {
                $0.id == "market-restriction:vendor-3-event-1" && $0.acceptance?.cappedUntil == nil
            })
    }

    @Test func anAcceptanceOfAFindingNotFoundIsStale() throws {
        let stale = try #require(try assess("2026-06-01").findings.first { $0.kind == .acceptanceStale })
        #expect(stale.id == "acceptance-stale:risk-3")
        #expect(stale.severity == .low && stale.vendor == nil)
        #expect(stale.message.contains("accepts x509-weak:certification-99, which this audit did not find"))
        // Once ended, an acceptance whose finding is gone is nobody's concern.
        #expect(!(try assess("2026-08-02").findings.contains { $0.kind == .acceptanceStale }))
    }

    @Test func acceptancesFollowTheAuditDay() throws {
        // Before it was made, an acceptance does not exist; from the day of its revocation, it no longer applies.
        let early = try assess("2026-04-15")
        #expect(early.findings.contains { $0.id == "escrow-deposit-overdue:offer-1" })
        #expect(!early.findings.contains { $0.id == "acceptance-stale:risk-3" })
        #expect(try assess("2026-05-19").accepted.contains { $0.id == "escrow-never-verified:deposit-1" })
        let revoked = try assess("2026-05-20")
        #expect(revoked.findings.contains { $0.id == "escrow-never-verified:deposit-1" })
        #expect(!revoked.findings.contains { $0.id.hasSuffix(":risk-5") })
    }

    @Test func aRenewalTakesOverFromAnExpiredAcceptance() throws {
        var draft = RiskAcceptanceDraft(
            findingId: "certification-expired:certification-3", owner: "SAMPLE Renewer", reason: "SAMPLE renewal",
            acceptedOn: day("2026-05-20"), until: day("2026-06-15"), severity: .high)
        draft.vendorId = 1
        #expect(try fixture.store.acceptRisk(draft).id == 6)
        let assessment = try assess("2026-06-01")
        #expect(assessment.accepted.first { $0.id == "certification-expired:certification-3" }?.acceptance?.id == 6)
        #expect(!assessment.findings.contains { $0.id == "acceptance-expired:risk-2" })
        #expect(try assess("2026-06-16").findings.contains { $0.id == "acceptance-expired:risk-6" })
    }
}

@Suite struct FailureThresholdTests {
    @Test(arguments: [
        ("high", Severity.high, false), ("new:high", .high, true), ("NEW:Critical", .critical, true),
        (" low ", .low, false),
    ])
    func parses(text: String, severity: Severity, onlyNew: Bool) throws {
        #expect(try FailureThreshold(parsing: text) == FailureThreshold(severity: severity, onlyNew: onlyNew))
    }

    @Test func refusesAnUnknownSeverity() {
        #expect(throws: ValueError.self) { try FailureThreshold(parsing: "new:severe") }
        #expect(throws: ValueError.self) { try FailureThreshold(parsing: "old:high") }
    }

    @Test func newMeansNotCountedInThePreviousRun() throws {
        let fixture = try AuditFixture()
        let snapshot = try fixture.snapshot()
        let report = AuditReport(
            snapshot: snapshot, policyDigest: "",
            assessment: AuditEngine().evaluate(snapshot, policy: try AuditPolicy.standard()))
        let high = report.findings.filter { $0.severity >= .high }
        let newHigh = FailureThreshold(severity: .high, onlyNew: true)
        #expect(newHigh.failing(report, previous: []).map(\.id) == high.map(\.id))
        #expect(newHigh.failing(report, previous: report.recorded).isEmpty)
        // Accepted in the previous run, counted now: new.
        var accepted = report.recorded
        accepted[0].acceptanceId = 9
        #expect(newHigh.failing(report, previous: accepted).map(\.id) == [accepted[0].id])
        #expect(FailureThreshold(severity: .high, onlyNew: false).failing(report, previous: report.recorded) == high)
        #expect(FailureThreshold(severity: .critical, onlyNew: false).failing(report, previous: []).isEmpty)
    }
}
