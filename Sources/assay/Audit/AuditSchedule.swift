import ArgumentParser
import AssayAudit
import AssayStore
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

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case systemd, cron
    }

    @Option(name: .customLong("print"), help: "What to write: systemd (a service and a timer) or cron.")
    var kind: Kind

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
        let environment = ProcessInfo.processInfo.environment
        guard case .sqlite(let location) = StoreAddress.resolve(explicit: db, environment: environment) else {
            throw StoreError.backendUnsupported
        }
        let database = location.path
        let binary = InstalledAssay.binary(
            searchPath: environment["PATH"], running: Bundle.main.executableURL?.resolvingSymlinksInPath().path,
            isExecutable: { FileManager.default.isExecutableFile(atPath: $0) })
        if binary == nil {
            Output.note(
                "assay: warning: no installed assay found (none on PATH, and this one is in a .build folder): "
                    + "the job names \(InstalledAssay.placeholder); install assay (for example "
                    + "'install -m 755 .build/release/assay /usr/local/bin/') and run this again, or edit that path")
        }
        let values = ScheduleTemplates.Placeholders(
            binary: binary ?? InstalledAssay.placeholder, database: Self.absolute(database),
            reports: Self.absolute(out),
            manualPage: InstalledAssay.hasManualPage(
                manPath: environment["MANPATH"], exists: { FileManager.default.fileExists(atPath: $0) }))
        switch kind {
        case .systemd:
            let units = [
                ("assay-audit.service", ScheduleTemplates.service(values)),
                ("assay-audit.timer", ScheduleTemplates.timer()),
            ]
            if let unitDir {
                try write(units, into: unitDir)
            } else {
                Output.write(units.map { name, text in "# ==== \(name) ====\n\(text)" }.joined(separator: "\n"))
            }
        case .cron:
            Output.write(ScheduleTemplates.cron(values))
        }
    }

    /// Writes each unit file atomically into `folder`, refusing to replace one unless `--force`.
    private func write(_ units: [(name: String, text: String)], into folder: String) throws {
        let paths = units.map { Self.absolute(folder + "/" + $0.name) }
        if !force, let existing = paths.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw CommandFailure(message: "\(existing) already exists; pass --force to replace it")
        }
        for (path, unit) in zip(paths, units) {
            try AtomicFile.write(Array(unit.text.utf8), to: path)
            Output.write("wrote \(path)\n")
        }
        Output.write("then: systemctl daemon-reload && systemctl enable --now assay-audit.timer\n")
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
