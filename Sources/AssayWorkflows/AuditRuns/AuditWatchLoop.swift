import AssayAudit
import AssayCore
import AssayStore

/// Audits now and at every interval until told to stop; a run that fails is reported and the watch goes on.
public struct AuditWatchLoop {
    /// The job each run performs.
    public let job: AuditRunJob
    /// The time between the end of one run and the start of the next.
    public let interval: ClockInterval

    /// Loads the policy, resolves the `notify` channels and opens the store for writing: each run writes its
    /// report into `outputFolder` and is recorded.
    public init(
        interval: ClockInterval, policyFile: String?, format: AuditReportFormat, outputFolder: String,
        notify: [String], opening openStore: StoreOpening
    ) throws {
        let policy = try PolicyFile.load(policyFile)
        var job = AuditRunJob(
            store: try openStore(.readWrite), policy: policy, format: format, outputFolder: outputFolder)
        job.channels = try notify.map { name throws(NotifyError) in try policy.channel(named: name) }
        self.job = job
        self.interval = interval
    }

    /// Runs the audit as of the day of each run, hands each run's outcome or error to `report`, then waits one
    /// interval with `wait` (which returns true when asked to stop) before the next run. A run in progress is
    /// always finished.
    public func run(wait: (_ seconds: Double) -> Bool, report: (Result<AuditRunJob.Outcome, any Error>) -> Void) {
        repeat {
            report(Result { try job.run(asOf: .today) })
        } while !wait(Double(interval.seconds))
    }
}
