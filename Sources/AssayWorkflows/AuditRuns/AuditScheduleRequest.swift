import AssayAudit
import AssayStore
import Foundation

/// The files that run the audit daily, filled in with the installed assay, the database and the reports folder:
/// a systemd service and timer (printed, or written into a folder), or a crontab line.
public struct AuditScheduleRequest: Sendable {
    /// What to produce.
    public enum Kind: String, CaseIterable, Sendable {
        /// A service and a timer.
        case systemd
        /// A crontab line.
        case cron
    }

    /// What to produce.
    public var kind: Kind
    /// The folder the audits write their reports into.
    public var reportsFolder: String
    /// The database given explicitly; `nil` for `ASSAY_DB`, else the default location.
    public var database: String?
    /// Where to write the systemd unit files; `nil` hands them back to print.
    public var unitFolder: String?
    /// Whether to replace unit files that already exist in ``unitFolder``.
    public var replacing = false
    /// The environment (`PATH`, `MANPATH`, `ASSAY_DB`, `XDG_DATA_HOME`, `HOME`).
    public var environment: [String: String]
    /// The running binary's resolved path, used when it is not a development build.
    public var runningBinary: String?

    /// A request for `kind` files that write reports into `reportsFolder`, in `environment`.
    public init(kind: Kind, reportsFolder: String, environment: [String: String]) {
        self.kind = kind
        self.reportsFolder = reportsFolder
        self.environment = environment
    }

    /// The files, and with ``unitFolder`` whether they were written there.
    public struct Outcome: Sendable {
        /// The assay the job runs; `nil` when none was found and the job names ``InstalledAssay/placeholder``.
        public var installedBinary: String?
        /// Each file's name and text.
        public var files: [(name: String, text: String)]
        /// The absolute paths the files were, or would have been, written to (empty without a unit folder).
        public var paths: [String] = []
        /// How writing them into the unit folder ended; `nil` without one.
        public var written: NewFiles.Outcome?
    }

    /// Fills in the templates and, with a unit folder, writes them there (refusing to replace a file unless
    /// ``replacing``).
    public func run() throws -> Outcome {
        let store: String
        switch StoreAddress.resolve(explicit: database, environment: environment) {
        case .sqlite(let location):
            store = Self.absolute(location.path)
        case .postgreSQL(let connectionString):
            // The job's files are readable: a password must come from the job user's ~/.pgpass, not from them.
            guard connectionString.redacted == connectionString.text else {
                throw StoreError.backendUnsupported(
                    "the connection string holds a password, which the job's files would show; put it in the job "
                        + "user's ~/.pgpass (or PGPASSFILE) and leave it out of --db")
            }
            store = connectionString.text
        }
        let binary = InstalledAssay.binary(
            searchPath: environment["PATH"], running: runningBinary,
            isExecutable: { FileManager.default.isExecutableFile(atPath: $0) })
        let values = ScheduleTemplates.Placeholders(
            binary: binary ?? InstalledAssay.placeholder,
            database: store,
            reports: Self.absolute(reportsFolder),
            manualPage: InstalledAssay.hasManualPage(
                manPath: environment["MANPATH"], exists: { FileManager.default.fileExists(atPath: $0) }))
        var outcome: Outcome
        switch kind {
        case .systemd:
            outcome = Outcome(
                installedBinary: binary,
                files: [
                    ("assay-audit.service", ScheduleTemplates.service(values)),
                    ("assay-audit.timer", ScheduleTemplates.timer()),
                ])
        case .cron:
            outcome = Outcome(installedBinary: binary, files: [("assay-audit.cron", ScheduleTemplates.cron(values))])
        }
        if let unitFolder {
            outcome.paths = outcome.files.map { Self.absolute(unitFolder + "/" + $0.name) }
            outcome.written = try NewFiles.write(
                zip(outcome.paths, outcome.files).map { ($0, $1.text) }, replacing: replacing)
        }
        return outcome
    }

    /// `path` made absolute and standardised, as the unit files must name it.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
