import ArgumentParser
import AssayCore
import AssayWorkflows
import Foundation

/// `assay audit watch --every 24h`
struct AuditWatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Run the audit now and at every interval, in the foreground, until SIGTERM or SIGINT.",
        discussion: """
            For containers and service managers. Each run is logged on stdout. On SIGTERM or SIGINT a run in \
            progress finishes (its report is written atomically and the run recorded in one transaction), \
            then the command exits 0. A failed run is logged on stderr and the watch goes on. With --notify, \
            each run's summary goes to the channels named, as with 'audit run --notify'.
            """
    )

    @Option(help: ArgumentHelp("Interval between runs: 90s, 30min, 24h or 7d.", valueName: "interval"))
    var every: String

    @OptionGroup var report: AuditReportOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        do {
            _ = try ClockInterval(parsing: every)
        } catch {
            throw ValidationError("--every: \(error.description)")
        }
        if report.out == nil {
            throw ValidationError("--out is required: watch writes each report into a folder")
        }
    }

    func run() throws {
        let stop = StopSignal()
        let interval = try convert("--every") { () throws(ValueError) in try ClockInterval(parsing: every) }
        let watch = try AuditWatchLoop(
            interval: interval, policyFile: report.policy, format: report.format, outputFolder: report.out ?? "",
            notify: report.notify, opening: store.open)
        Output.note("assay: watching: an audit every \(every) into \(report.out ?? ""); SIGTERM or SIGINT stops")
        watch.run(wait: stop.wait(seconds:)) { result in
            switch result {
            case .success(let outcome):
                Output.write(
                    "\(Timestamp.now()) "
                        + AuditRunSummary.text(outcome).replacingOccurrences(of: "\n", with: "; ")
                        .trimmingCharacters(in: CharacterSet(charactersIn: "; ")) + "\n")
                for warning in AuditRunSummary.notificationWarnings(outcome) {
                    Output.note("\(Timestamp.now()) \(warning)")
                }
            case .failure(let error):
                let failure = Assay.failure(error) ?? CommandFailure(message: "\(error)")
                let lines = failure.lines.map { "audit run failed: \($0)" }
                let text = ErrorOutput.text(CommandFailure(lines: lines, code: failure.code))
                Output.note("\(Timestamp.now()) " + text.trimmingCharacters(in: .newlines))
            }
        }
        Output.note("assay: watch stopped by \(stop.received ?? "signal")")
    }
}
