import AssayAudit
import AssayCore
import AssayStore

/// An audit run as a user asks for it: as of a day, with a policy, a report format and folder, whether to record
/// it, who to notify, what to compare it with and when it fails.
public struct AuditRunRequest: Sendable {
    /// The day the records are evaluated as of.
    public var asOf: CalendarDate
    /// The policy file; `nil` for the built-in policy.
    public var policyFile: String?
    /// The report's format.
    public var format: AuditReportFormat = .text
    /// The folder the report is written into; `nil` hands the report back as text.
    public var outputFolder: String?
    /// Whether to record the run; `nil` records it when the report goes into a folder.
    public var record: Bool?
    /// The names of the policy's notification channels to send the summary to.
    public var notify: [String] = []
    /// The recorded run to compare this one with.
    public var since: AuditRunSelection?
    /// When the run fails (exit 1): a counted finding at least this severe (only a new one, if it says so).
    public var threshold: FailureThreshold?

    /// A request for an audit as of `asOf`, with every other choice at its default.
    public init(asOf: CalendarDate) {
        self.asOf = asOf
    }

    /// Whether this run is recorded: as asked, else when the report goes into a folder.
    public var records: Bool { record ?? (outputFolder != nil) }

    /// Loads the policy, opens the store (read-only unless the run is recorded), runs the audit and compares it
    /// with ``since`` and the threshold; `progress` is told how many of the audit log's entries have been verified.
    public func run(opening openStore: StoreOpening, progress: ProgressHandler? = nil) throws -> AuditRunResult {
        let policy = try PolicyFile.load(policyFile)
        let store = try openStore(records ? .readWrite : .readOnly)
        let baseline = try since?.run(in: store)
        let previous = threshold?.onlyNew == true ? try store.latestAuditRun() : nil
        var job = AuditRunJob(store: store, policy: policy, format: format, outputFolder: outputFolder)
        job.record = records
        job.channels = try notify.map { name throws(NotifyError) in try policy.channel(named: name) }
        let outcome = try job.run(asOf: asOf, progress: progress)
        let changes = try baseline.map { baseline in
            FindingDiff(from: try store.auditFindings(run: baseline.id), to: outcome.report.recorded)
        }
        return AuditRunResult(
            outcome: outcome, baseline: baseline, changes: changes, previous: previous?.run,
            failing: threshold?.failing(outcome.report, previous: previous?.findings ?? []) ?? [])
    }
}

/// What an audit run produced, what changed since the run it was compared with, and whether it failed.
public struct AuditRunResult {
    /// The run itself: report, what was recorded, notifications.
    public var outcome: AuditRunJob.Outcome
    /// The run compared with; `nil` when none was asked for or none had been recorded.
    public var baseline: AuditRun?
    /// The findings new, resolved and persisting since ``baseline``.
    public var changes: FindingDiff?
    /// The latest run recorded before this one, when the threshold counts only new findings.
    public var previous: AuditRun?
    /// The counted findings that reach the threshold (only new ones when it says so).
    public var failing: [Finding]

    /// Whether the run failed its threshold (exit 1).
    public var failed: Bool { !failing.isEmpty }
}
