import ArgumentParser
import AssayAudit
import AssayStore

/// `assay audit diff [RUN_A] [RUN_B]`
struct AuditDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "New, resolved and persisting findings between two recorded runs.",
        discussion: """
            Findings are matched by their stable ids. Without arguments: the run before the latest against the \
            latest; with one: that run against the latest. See 'assay audit history' for run ids.
            """
    )

    @Argument(help: "The earlier run's id.")
    var runA: String?

    @Argument(help: "The later run's id (default: the latest run).")
    var runB: String?

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open(.readOnly)
        let runs = try store.auditRuns(limit: 2)
        let later = try runB.map { try store.auditRun(try AuditRunSelection.runId($0, flag: "RUN_B")) } ?? runs.last
        let earlier =
            try runA.map { try store.auditRun(try AuditRunSelection.runId($0, flag: "RUN_A")) }
            ?? (runs.count == 2 ? runs.first : nil)
        guard let earlier, let later else {
            throw CommandFailure(message: "two recorded runs are needed to compare; run 'assay audit run' first")
        }
        let diff = FindingDiff(
            from: try store.auditFindings(run: earlier.id), to: try store.auditFindings(run: later.id))
        switch format {
        case .json: try Output.json(diff)
        case .text: Output.write(AuditDiffText.lines(diff, from: earlier, to: "run #\(later.id)", asOf: later.asOf))
        }
    }
}
