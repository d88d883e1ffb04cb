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
        let threshold = try convert("--fail-on", failOn, Severity.init(parsing:))
        let policy = try report.loadPolicy()
        let store = try store.open(records ? .readWrite : .readOnly)
        let baseline = try since.flatMap { try AuditRunSelection.baseline($0, in: store) }
        let job = AuditJob(
            store: store, policy: policy, format: report.format, outputFolder: report.out, record: records)
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
        if since != nil && baseline == nil { Output.note("assay: no earlier run to compare with") }
        if let baseline {
            let diff = FindingDiff(
                from: try store.auditFindings(run: baseline.id), to: outcome.report.findings.map(\.recorded))
            let target = outcome.run.map { "run #\($0.id)" } ?? "this preview"
            let lines = AuditDiffText.lines(diff, from: baseline, to: target, asOf: day)
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
