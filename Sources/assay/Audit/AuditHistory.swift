import ArgumentParser
import AssayStore

/// `assay audit history`
struct AuditHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Recorded audit runs, oldest first: counts, report digest and the audit log's head.")

    @Option(help: "Only the most recent N runs.")
    var limit: Int?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let runs = try store.open(.readOnly).auditRuns(limit: limit)
        try Output.emit(runs, format: output.format) {
            var table = TextTable(
                "RUN", "RAN AT", "AS OF", "CRIT", "HIGH", "MED", "LOW", "INFO", "FORMAT", "REPORT SHA-256", "LOG HEAD")
            for run in runs {
                let counts = run.counts
                table.add(
                    "\(run.id)", run.ranAt, run.asOf.description, "\(counts.critical)", "\(counts.high)",
                    "\(counts.medium)", "\(counts.low)", "\(counts.info)", run.format,
                    run.reportSha256.map { String($0.prefix(16)) },
                    run.logHeadSeq.map { "\($0) \(String((run.logHeadHash ?? "").prefix(16)))" })
            }
            return table
        }
    }
}
