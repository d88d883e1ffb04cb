import ArgumentParser
import AssayAudit
import AssayCore
import AssayWorkflows
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

    func run() throws {
        var request = AuditRunRequest(asOf: try convert("--as-of", asOf, CalendarDate.init(iso:)) ?? .today)
        request.threshold = try convert("--fail-on", failOn, FailureThreshold.init(parsing:))
        request.policyFile = report.policy
        request.format = report.format
        request.outputFolder = report.out
        request.record = record
        request.notify = report.notify
        request.since = try since.map { try AuditRunSelection(parsing: $0, flag: "--since") }
        let result = try ProgressMeter.run("auditing", unit: "log entries") { meter in
            try request.run(opening: store.open, progress: meter?.handler)
        }
        let outcome = result.outcome
        let unrecorded =
            record == false ? "run not recorded (--no-record)" : "preview, not recorded (--record or --out records it)"
        let summary = AuditRunSummary.text(outcome, unrecorded: unrecorded)
        if let text = outcome.text {
            if report.format == .text || report.format == .md { Output.text(text) } else { Output.write(text) }
            Output.note(summary.trimmingCharacters(in: .newlines))
        } else {
            Output.write(summary)
        }
        for warning in AuditRunSummary.notificationWarnings(outcome) { Output.note(warning) }
        if since != nil && result.baseline == nil { Output.note("assay: no earlier run to compare with") }
        if let baseline = result.baseline, let changes = result.changes {
            let target = outcome.run.map { "run #\($0.id)" } ?? "this preview"
            let lines = AuditDiffText.lines(changes, from: baseline, to: target, asOf: request.asOf)
            if outcome.text == nil { Output.write(lines) } else { Output.note(lines) }
        }
        if request.threshold?.onlyNew == true && result.failed {
            let since = result.previous.map { "run #\($0.id)" } ?? "no earlier run"
            Output.note("assay: new since \(since): " + result.failing.map(\.id).joined(separator: ", "))
        }
        if result.failed { throw ExitCode(1) }
    }
}

extension AuditRunSelection {
    /// `last` (the latest recorded run) or a run id (`3` or `#3`), naming `flag` when it is neither.
    init(parsing text: String, flag: String) throws {
        self = text == "last" ? .latest : .id(try Self.runId(text, flag: flag))
    }

    /// A run id, `3` or `#3`, naming `flag` when the text is not one.
    static func runId(_ text: String, flag: String) throws -> Int64 {
        guard let id = Int64(text.trimmingCharacters(in: CharacterSet(charactersIn: "#"))), id > 0 else {
            throw CommandFailure(message: "\(flag): '\(text)' is not a run id (see 'assay audit history')")
        }
        return id
    }
}
