import AssayCore
import AssayStore
import AssayWorkflows
import Testing

@Suite("Audit runs: comparing and watching")
struct AuditRunComparisonTests {
    @Test("no comparison without two runs; by default the latest two; an unknown id is the store's error")
    func compare() throws {
        let fixture = try WorkflowFixture()
        var request = AuditRunRequest(asOf: try day("2026-06-01"))
        request.record = true
        _ = try request.run(opening: fixture.opening)
        #expect(try AuditRunComparison.compare(nil, nil, in: fixture.store) == nil)
        request.asOf = try day("2099-01-01")
        _ = try request.run(opening: fixture.opening)
        let latest = try #require(try AuditRunComparison.compare(nil, nil, in: fixture.store))
        #expect(try latest.earlier.id == 1 && latest.later.id == 2 && latest.later.asOf == day("2099-01-01"))
        #expect(latest.diff.persisting.count == 1)
        let explicit = try #require(try AuditRunComparison.compare(2, 1, in: fixture.store))
        #expect(explicit.earlier.id == 2 && explicit.later.id == 1)
        #expect(throws: StoreError.self) { try AuditRunComparison.compare(7, nil, in: fixture.store) }
    }

    @Test("a watch runs until asked to stop, waiting its interval between runs, and goes on after a failed run")
    func watch() throws {
        let fixture = try WorkflowFixture()
        let blocker = try fixture.directory.write("blocker", "not a folder")
        let interval = try ClockInterval(parsing: "30min")
        let failing = try AuditWatchLoop(
            interval: interval, policyFile: nil, format: .text, outputFolder: blocker,
            notify: [], opening: fixture.opening)
        var waits: [Double] = []
        var failures = 0
        failing.run(wait: { seconds in
            waits.append(seconds)
            return waits.count == 2
        }) { result in
            if case .failure(let error) = result, error is WorkflowError { failures += 1 }
        }
        #expect(waits == [1800, 1800] && failures == 2)
        #expect(try fixture.store.auditRuns().isEmpty)
        let working = try AuditWatchLoop(
            interval: interval, policyFile: nil, format: .md,
            outputFolder: fixture.directory.file("reports"), notify: [], opening: fixture.opening)
        var recorded: [Int64] = []
        working.run(wait: { _ in recorded.count == 3 }) { result in
            if case .success(let outcome) = result, let run = outcome.run { recorded.append(run.id) }
        }
        #expect(recorded == [1, 2, 3])
        #expect(fixture.openings == [.readWrite, .readWrite])
    }
}
