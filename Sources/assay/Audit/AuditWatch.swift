import ArgumentParser
import AssayCore
import Foundation

/// `assay audit watch --every 24h`
struct AuditWatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Run the audit now and at every interval, in the foreground, until SIGTERM or SIGINT.",
        discussion: """
            For containers and service managers. Each run is logged on stdout. On SIGTERM or SIGINT a run in \
            progress finishes (its report is written atomically and the run recorded in one transaction), \
            then the command exits 0. A failed run is logged on stderr and the watch goes on.
            """
    )

    @Option(help: ArgumentHelp("Interval between runs: 90s, 30m, 24h or 7d.", valueName: "interval"))
    var every: String

    @OptionGroup var report: AuditReportOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if (try? Self.seconds(every)) == nil {
            throw ValidationError("--every '\(every)': give a whole number with s, m, h or d, such as 24h")
        }
        if report.out == nil {
            throw ValidationError("--out is required: watch writes each report into a folder")
        }
    }

    func run() throws {
        let stop = StopSignal()
        let interval = try Self.seconds(every)
        let policy = try report.loadPolicy()
        let job = AuditJob(store: try store.open(), policy: policy, format: report.format, outputFolder: report.out)
        Output.note("assay: watching: an audit every \(every) into \(report.out ?? ""); SIGTERM or SIGINT stops")
        repeat {
            do {
                let outcome = try job.run(asOf: .today)
                Output.write(
                    "\(Timestamp.now()) "
                        + AuditJob.summary(outcome).replacingOccurrences(of: "\n", with: "; ")
                        .trimmingCharacters(in: CharacterSet(charactersIn: "; ")) + "\n")
            } catch {
                let failure = Assay.failure(error) ?? CommandFailure(message: "\(error)")
                let lines = failure.lines.map { "audit run failed: \($0)" }
                let text = ErrorOutput.text(CommandFailure(lines: lines, code: failure.code))
                Output.note("\(Timestamp.now()) " + text.trimmingCharacters(in: .newlines))
            }
        } while !stop.wait(seconds: interval)
        Output.note("assay: watch stopped by \(stop.received ?? "signal")")
    }

    /// Seconds in `90s`, `30m`, `24h`, `7d`.
    static func seconds(_ text: String) throws -> Double {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        guard let unit = text.last.flatMap({ units[$0] }), let count = Int(text.dropLast()), count > 0 else {
            throw ValidationError("invalid interval '\(text)'")
        }
        return Double(count) * unit
    }
}
