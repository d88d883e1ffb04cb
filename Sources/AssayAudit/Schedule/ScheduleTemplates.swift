/// The systemd service and timer and the crontab line that run `assay audit run` daily. `Scripts/` carries
/// them filled in with ``Placeholders/example`` (a test keeps the files and these templates identical);
/// `assay audit schedule --print` fills them in with the real binary, database and folder.
public enum ScheduleTemplates {
    /// What the templates need to know.
    public struct Placeholders: Sendable {
        /// The `assay` binary the job runs (see ``InstalledAssay/binary(searchPath:running:isExecutable:)``).
        public var binary: String
        /// The database file.
        public var database: String
        /// The folder the reports go into.
        public var reports: String
        /// Whether an `assay(1)` manual page is installed, for the service's `Documentation=` line.
        public var manualPage: Bool

        /// Values for the templates; `manualPage` only when one is installed.
        public init(binary: String, database: String, reports: String, manualPage: Bool = false) {
            self.binary = binary
            self.database = database
            self.reports = reports
            self.manualPage = manualPage
        }

        /// The values in the files under `Scripts/`.
        public static let example = Placeholders(
            binary: "/usr/local/bin/assay", database: "/var/lib/assay/assay.sqlite", reports: "/var/lib/assay/reports")
    }

    /// `assay-audit.service`: one audit run, HTML report into the reports folder.
    public static func service(_ values: Placeholders) -> String {
        """
        # assay-audit.service: one Assay audit run; started daily by assay-audit.timer.
        # Install: copy this file and assay-audit.timer to /etc/systemd/system/, then
        #   systemctl daemon-reload && systemctl enable --now assay-audit.timer
        [Unit]
        Description=Assay audit report
        \(values.manualPage ? "Documentation=man:assay(1)\n" : "")
        [Service]
        Type=oneshot
        Environment=ASSAY_DB=\(quoted(values.database))
        ExecStart=\(quoted(values.binary)) audit run --format html --out \(quoted(values.reports)) --actor assay-audit
        # Exit 1 means a finding reached --fail-on (none is set here); the run is recorded either way.
        SuccessExitStatus=1
        UMask=0077

        """
    }

    /// `assay-audit.timer`: daily at 06:00 local time, catching up after downtime.
    public static func timer() -> String {
        """
        # assay-audit.timer: runs assay-audit.service daily at 06:00 (and at boot if a run was missed).
        [Unit]
        Description=Daily Assay audit report

        [Timer]
        OnCalendar=*-*-* 06:00:00
        Persistent=true
        RandomizedDelaySec=5min

        [Install]
        WantedBy=timers.target

        """
    }

    /// A crontab line for the same daily run.
    public static func cron(_ values: Placeholders) -> String {
        """
        # Assay audit report daily at 06:00 (install with: crontab -e, then paste this line).
        0 6 * * * mkdir -p \(shellQuoted(values.reports)) && ASSAY_DB=\(shellQuoted(values.database)) \(shellQuoted(values.binary)) audit run --format html --out \(shellQuoted(values.reports)) --actor assay-audit >>\(shellQuoted(values.reports + "/cron.log")) 2>&1

        """
    }

    /// A systemd value, quoted when it holds spaces.
    private static func quoted(_ text: String) -> String {
        text.contains(where: { $0 == " " || $0 == "\"" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : text
    }

    /// A shell word, single-quoted when it holds anything but safe characters.
    private static func shellQuoted(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+=:@".contains($0) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
