import ArgumentParser
import AssayWorkflows

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
        let earlier = try runA.map { try AuditRunSelection.runId($0, flag: "RUN_A") }
        let later = try runB.map { try AuditRunSelection.runId($0, flag: "RUN_B") }
        guard let comparison = try AuditRunComparison.compare(earlier, later, in: try store.open(.readOnly)) else {
            throw CommandFailure(message: "two recorded runs are needed to compare; run 'assay audit run' first")
        }
        switch format {
        case .json: try Output.json(comparison.diff)
        case .text:
            Output.write(
                AuditDiffText.lines(
                    comparison.diff, from: comparison.earlier, to: "run #\(comparison.later.id)",
                    asOf: comparison.later.asOf))
        }
    }
}
