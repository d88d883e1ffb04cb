import ArgumentParser
import AssayAudit
import AssayCore
import AssayStore
import Foundation

/// `assay audit run`
struct AuditRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Evaluate every vendor against the policy, write the report and record the run.",
        discussion: """
            With --out the report is written atomically as DIR/assay-audit-ASOF-TIME.EXT and a summary is \
            printed; without it the report goes to stdout and the summary to stderr. The run (when, as of, \
            policy digest, counts, the report's SHA-256 and the audit log's head) is recorded in the store and \
            the audit log; with --no-record it is not, and the database is only read, so a user who may \
            only read it can audit. JSON follows Schemas/audit-report.schema.json; CSV has one finding per row.
            Exit status: 0 done; 1 a finding reached --fail-on; 2 error.
            """
    )

    @Option(help: ArgumentHelp("Evaluate the records as of this day (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @OptionGroup var report: AuditReportOptions

    @Option(
        help: ArgumentHelp(
            "Exit 1 when a finding is at least this severe: info, low, medium, high or critical.", valueName: "severity"
        ),
        completion: .severities)
    var failOn: String?

    @Option(
        help: ArgumentHelp(
            "Also print what changed since a run: 'last' (the previous run) or a run id.", valueName: "run"))
    var since: String?

    @Flag(help: "Do not record the run: read the database only (for a user who may not write it).")
    var noRecord = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if noRecord && since != nil {
            throw ValidationError("--since compares with the run being recorded: leave out --since or --no-record")
        }
    }

    func run() throws {
        let day = try convert("--as-of", asOf, CalendarDate.init(iso:)) ?? .today
        let threshold = try convert("--fail-on", failOn, Severity.init(parsing:))
        let policy = try report.loadPolicy()
        let store = try store.open(noRecord ? .readOnly : .readWrite)
        let baseline = try since.flatMap { try AuditRunSelection.baseline($0, in: store) }
        let job = AuditJob(
            store: store, policy: policy, format: report.format, outputFolder: report.out, record: !noRecord)
        let outcome = try ProgressMeter.run("auditing", unit: "log entries") { meter in
            try job.run(asOf: day, progress: meter?.handler)
        }
        if let text = outcome.text {
            if report.format == .text || report.format == .md { Output.text(text) } else { Output.write(text) }
            Output.note(AuditJob.summary(outcome).trimmingCharacters(in: .newlines))
        } else {
            Output.write(AuditJob.summary(outcome))
        }
        if since != nil && baseline == nil { Output.note("assay: no earlier run to compare with") }
        if let baseline, let run = outcome.run {
            let diff = FindingDiff(
                from: try store.auditFindings(run: baseline.id), to: outcome.report.findings.map(\.recorded))
            let lines = AuditDiffText.lines(diff, from: baseline, to: run)
            if outcome.text == nil { Output.write(lines) } else { Output.note(lines) }
        }
        if let threshold, outcome.report.reaches(threshold) { throw ExitCode(1) }
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
