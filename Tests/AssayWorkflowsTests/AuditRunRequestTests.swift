import AssayAudit
import AssayCrypto
import AssayStore
import AssayTestSupport
import AssayWorkflows
import Foundation
import Testing

@Suite("Audit runs: the run workflow")
struct AuditRunRequestTests {
    @Test("a preview opens the store read-only, records nothing and hands the report back as text")
    func previewRecordsNothing() throws {
        let fixture = try WorkflowFixture()
        let result = try AuditRunRequest(asOf: day("2026-06-01")).run(opening: fixture.opening)
        #expect(fixture.openings == [.readOnly])
        #expect(result.outcome.run == nil)
        #expect(try fixture.store.auditRuns().isEmpty)
        let text = try #require(result.outcome.text)
        #expect(text.contains("Acme Networks"))
        #expect(try result.outcome.draft.reportSha256 == DigestContext.digest(Array(text.utf8)).hex)
    }

    @Test("with a folder, the report is written whole, its digest recorded, and the run recorded")
    func folderRecordsRun() throws {
        let fixture = try WorkflowFixture()
        var request = AuditRunRequest(asOf: try day("2026-06-01"))
        request.outputFolder = fixture.directory.file("reports/new")
        request.format = .json
        let result = try request.run(opening: fixture.opening)
        #expect(fixture.openings == [.readWrite])
        let run = try #require(result.outcome.run)
        let file = try #require(run.reportFile)
        #expect(
            file.hasPrefix(fixture.directory.file("reports/new/assay-audit-2026-06-01-")) && file.hasSuffix(".json"))
        let bytes = try #require(FileManager.default.contents(atPath: file))
        #expect(try run.reportSha256 == DigestContext.digest(Array(bytes)).hex)
        #expect(run.counts.high == 1)
        #expect(result.outcome.text == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: request.outputFolder ?? "").count == 1)
    }

    @Test("a folder that cannot be made is a workflow error, and nothing is recorded")
    func unwritableFolder() throws {
        let fixture = try WorkflowFixture()
        let blocker = try fixture.directory.write("blocker", "a file, not a folder")
        var request = AuditRunRequest(asOf: try day("2026-06-01"))
        request.outputFolder = blocker + "/reports"
        #expect {
            try request.run(opening: fixture.opening)
        } throws: { error in
            guard case .cannotCreateFolder(let path, _) = error as? WorkflowError else { return false }
            return path == blocker + "/reports" && (error as? WorkflowError)?.code == "output.cannot-create-folder"
        }
        #expect(try fixture.store.auditRuns().isEmpty)
    }

    @Test("a policy that does not parse is refused before the store is opened")
    func badPolicyOpensNothing() throws {
        let fixture = try WorkflowFixture()
        var request = AuditRunRequest(asOf: try day("2026-06-01"))
        request.policyFile = try fixture.directory.write("policy.yaml", "jurisdictions: [US]\n")
        request.record = true
        #expect(throws: AuditError.self) { try request.run(opening: fixture.opening) }
        #expect(fixture.openings.isEmpty)
    }

    @Test("new:high fails the first recorded run, not a second one with the same findings; since compares them")
    func thresholdAndBaseline() throws {
        let fixture = try WorkflowFixture()
        var request = AuditRunRequest(asOf: try day("2026-06-01"))
        request.record = true
        request.threshold = FailureThreshold(severity: .high, onlyNew: true)
        let first = try request.run(opening: fixture.opening)
        #expect(first.failed && first.previous == nil)
        #expect(first.failing.map(\.kind.rawValue) == ["required-scheme-missing"])
        request.since = .latest
        let second = try request.run(opening: fixture.opening)
        #expect(!second.failed && second.previous?.id == first.outcome.run?.id)
        #expect(second.baseline?.id == first.outcome.run?.id)
        let changes = try #require(second.changes)
        #expect(changes.new.isEmpty && changes.resolved.isEmpty && changes.persisting.count == 1)
    }
}
