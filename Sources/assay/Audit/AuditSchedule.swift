import ArgumentParser
import AssayAudit
import AssayStore
import Foundation

/// `assay audit schedule --print systemd|cron`
struct AuditSchedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Print a systemd service and timer, or a crontab line, that run the audit daily.",
        discussion: """
            Filled in with this binary's path, the database (--db, $ASSAY_DB or the default) and --out. \
            The same files, with example paths, are in Scripts/assay-audit.service, .timer and .cron.
            """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case systemd, cron
    }

    @Option(name: .customLong("print"), help: "What to print: systemd or cron.")
    var kind: Kind

    @Option(help: ArgumentHelp("The reports folder.", valueName: "dir"))
    var out: String

    @Option(
        help: ArgumentHelp(
            "The database file (default: $ASSAY_DB, else the default location).",
            valueName: "path"),
        completion: .file())
    var db: String?

    func run() throws {
        let database = StoreLocation.resolve(explicit: db, environment: ProcessInfo.processInfo.environment).path
        let values = ScheduleTemplates.Placeholders(
            binary: Self.executablePath, database: Self.absolute(database), reports: Self.absolute(out))
        switch kind {
        case .systemd:
            Output.write(ScheduleTemplates.service(values))
            Output.write("\n# ---- assay-audit.timer ----\n")
            Output.write(ScheduleTemplates.timer())
        case .cron:
            Output.write(ScheduleTemplates.cron(values))
        }
    }

    /// This binary's absolute path.
    static var executablePath: String {
        (Bundle.main.executableURL?.resolvingSymlinksInPath().path) ?? absolute(CommandLine.arguments[0])
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
