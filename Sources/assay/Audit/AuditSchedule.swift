import ArgumentParser
import AssayAudit
import AssayWorkflows
import Foundation

/// `assay audit schedule --print systemd|cron`
struct AuditSchedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Write a systemd service and timer, or print a crontab line, that run the audit daily.",
        discussion: """
            Filled in with the installed assay (the first on PATH, as 'command -v assay' finds it, else this \
            binary unless it lies in a .build folder; otherwise /path/to/assay, with a warning), the database \
            (--db, $ASSAY_DB or the default) and --out. --print systemd prints the two unit files, each after a \
            '# ==== FILE ====' line, or with --unit-dir writes them into that folder (such as \
            /etc/systemd/system). The same files, with example paths, are in Scripts/assay-audit.service, \
            .timer and .cron.
            """
    )

    @Option(name: .customLong("print"), help: "What to write: systemd (a service and a timer) or cron.")
    var kind: AuditScheduleRequest.Kind

    @Option(help: ArgumentHelp("The reports folder.", valueName: "dir"))
    var out: String

    @Option(
        help: ArgumentHelp(
            "The database file (default: $ASSAY_DB, else the default location).",
            valueName: "path"),
        completion: .file())
    var db: String?

    @Option(
        help: ArgumentHelp(
            "Write assay-audit.service and assay-audit.timer into this folder instead of printing them.",
            valueName: "dir"))
    var unitDir: String?

    @Flag(help: "Replace unit files that already exist in --unit-dir.")
    var force = false

    func validate() throws {
        if unitDir != nil && kind != .systemd {
            throw ValidationError("--unit-dir writes systemd unit files: use it with --print systemd")
        }
        if force && unitDir == nil {
            throw ValidationError("--force replaces files in --unit-dir: leave it out or give --unit-dir")
        }
    }

    func run() throws {
        var request = AuditScheduleRequest(
            kind: kind, reportsFolder: out, environment: ProcessInfo.processInfo.environment)
        request.database = db
        request.unitFolder = unitDir
        request.replacing = force
        request.runningBinary = Bundle.main.executableURL?.resolvingSymlinksInPath().path
        let outcome = try request.run()
        if outcome.installedBinary == nil {
            Output.note(
                "assay: warning: no installed assay found (none on PATH, and this one is in a .build folder): "
                    + "the job names \(InstalledAssay.placeholder); install assay (for example "
                    + "'install -m 755 .build/release/assay /usr/local/bin/') and run this again, or edit that path")
        }
        switch outcome.written {
        case nil where kind == .cron:
            Output.write(outcome.files.map(\.text).joined())
        case nil:
            Output.write(outcome.files.map { name, text in "# ==== \(name) ====\n\(text)" }.joined(separator: "\n"))
        case .refused(let existing):
            throw CommandFailure(message: "\(existing) already exists; pass --force to replace it")
        case .written:
            for path in outcome.paths { Output.write("wrote \(path)\n") }
            Output.write("then: systemctl daemon-reload && systemctl enable --now assay-audit.timer\n")
        }
    }
}

extension AuditScheduleRequest.Kind: ExpressibleByArgument {}
