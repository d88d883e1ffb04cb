import ArgumentParser
import AssayAudit
import AssayCore
import AssayStore
import Foundation

/// `assay audit run`
struct AuditRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract:
            "Evaluate every vendor against the policy and write the report; with --out or --record, record the run.",
        discussion: """
            With --out the report is written atomically as DIR/assay-audit-ASOF-TIME.EXT, the run is recorded \
            and a summary is printed. Without --out the report goes to stdout and the summary to stderr, and the \
            run is a preview: the database is only read and 'audit history' does not list it, unless --record \
            asks to record it. A recorded run (when, as of, policy digest, counts, the report's SHA-256 and the \
            audit log's head) is kept in the store and the audit log. --no-record never records, even with --out, \
            so a user who may only read the database can write reports. JSON follows \
            Schemas/audit-report.schema.json; CSV has one finding per row.
            Findings accepted with 'assay risk accept' are listed in their own section and never counted; an \
            acceptance that has ended counts its finding again and adds an acceptance-expired finding.
            With --notify CHANNEL…, once the report is written and the run recorded, a summary goes to each \
            channel the policy declares under 'notifications' (e-mail over SMTP with TLS, or an HTTPS webhook \
            signed with HMAC-SHA256, body in Schemas/notification.schema.json); a channel that fails is retried \
            twice, then reported as 'assay: warning: notify CHANNEL: …', and the exit status does not change.
            Exit status: 0 done; 1 a counted finding reached --fail-on (with new:SEVERITY, one that did not count \
            in the previous recorded run); 2 error.
            """
    )

    @Option(help: ArgumentHelp("Evaluate the records as of this day (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @OptionGroup var report: AuditReportOptions

    @Option(
        help: ArgumentHelp(
            "Exit 1 when a counted finding is at least this severe: info, low, medium, high or critical; "
                + "new:SEVERITY (new:high) only for findings that did not count in the previous recorded run.",
            valueName: "severity"),
        completion: .severities)
    var failOn: String?

    @Option(
        help: ArgumentHelp(
            "Also print what changed since a run: 'last' (the latest recorded run) or a run id.", valueName: "run"))
    var since: String?

    @Flag(
        inversion: .prefixedNo, exclusivity: .exclusive,
        help: ArgumentHelp(
            "Record the run in 'audit history' (default: only with --out). --no-record only reads the database, "
                + "for a user who may not write it."))
    var record: Bool?

    @OptionGroup var store: StoreOptions

    /// Whether this run is recorded: as asked, else when the report goes into a folder.
    var records: Bool { record ?? (report.out != nil) }

    func run() throws {
        let day = try convert("--as-of", asOf, CalendarDate.init(iso:)) ?? .today
        let threshold = try convert("--fail-on", failOn, FailureThreshold.init(parsing:))
        let policy = try report.loadPolicy()
        let store = try store.open(records ? .readWrite : .readOnly)
        let baseline = try since.flatMap { try AuditRunSelection.baseline($0, in: store) }
        let previous = threshold?.onlyNew == true ? try store.latestAuditRun() : nil
        let job = AuditJob(
            store: store, policy: policy, format: report.format, outputFolder: report.out, record: records,
            channels: try report.channels(in: policy))
        let outcome = try ProgressMeter.run("auditing", unit: "log entries") { meter in
            try job.run(asOf: day, progress: meter?.handler)
        }
        let unrecorded =
            record == false ? "run not recorded (--no-record)" : "preview, not recorded (--record or --out records it)"
        let summary = AuditJob.summary(outcome, unrecorded: unrecorded)
        if let text = outcome.text {
            if report.format == .text || report.format == .md { Output.text(text) } else { Output.write(text) }
            Output.note(summary.trimmingCharacters(in: .newlines))
        } else {
            Output.write(summary)
        }
        for warning in AuditJob.notificationWarnings(outcome) { Output.note(warning) }
        if since != nil && baseline == nil { Output.note("assay: no earlier run to compare with") }
        if let baseline {
            let diff = FindingDiff(
                from: try store.auditFindings(run: baseline.id), to: outcome.report.recorded)
            let target = outcome.run.map { "run #\($0.id)" } ?? "this preview"
            let lines = AuditDiffText.lines(diff, from: baseline, to: target, asOf: day)
            if outcome.text == nil { Output.write(lines) } else { Output.note(lines) }
        }
        if let threshold {
            let failing = threshold.failing(outcome.report, previous: previous?.findings ?? [])
            if threshold.onlyNew && !failing.isEmpty {
                let since = previous.map { "run #\($0.run.id)" } ?? "no earlier run"
                Output.note("assay: new since \(since): " + failing.map(\.id).joined(separator: ", "))
            }
            if !failing.isEmpty { throw ExitCode(1) }
        }
    }
}

/// Picks runs by the words users type.
enum AuditRunSelection {
    /// `last` (the latest recorded run) or a run id, as the baseline of `--since`.
    static func baseline(_ text: String, in store: Store) throws -> AuditRun? {
        if text == "last" { return try store.auditRuns(limit: 1).last }
        return try store.auditRun(try runId(text, flag: "--since"))
    }

    static func runId(_ text: String, flag: String) throws -> Int64 {
        guard let id = Int64(text.trimmingCharacters(in: CharacterSet(charactersIn: "#"))), id > 0 else {
            throw CommandFailure(message: "\(flag): '\(text)' is not a run id (see 'assay audit history')")
        }
        return id
    }
}
