import AssayAudit
import AssayTestSupport
import Foundation
import GRDB
import Testing

/// Runs `assay audit …` as a user, a cron job or a service manager would.
@Suite struct AuditCommandTests {
    let directory = TemporaryDirectory()
    var db: String { directory.file("assay.sqlite") }
    var reports: String { directory.file("reports") }

    @discardableResult
    func assay(_ arguments: String...) throws -> RunResult {
        try AssayProcess.run(arguments, database: db)
    }

    /// SAMPLE DATA: a tier-1 supplier without ISO/IEC 27001, and one whose certification has expired.
    func scenario() throws {
        try assay("vendor", "add", "ZTE", "--country", "CN", "--relationship", "supplier", "--tier", "1")
        try assay("vendor", "add", "Nokia", "--country", "FI", "--relationship", "supplier", "--tier", "2")
        try assay(
            "cert", "add", "Nokia", "--scheme", "soc2", "--number", "SAMPLE-1", "--issued-on", "2024-01-01",
            "--valid-until", "2026-05-01")
    }

    @Test func exitCodesFollowFailOn() throws {
        try scenario()
        #expect(try assay("audit", "run", "--as-of", "2026-06-01", "--fail-on", "critical").exitCode == 0)
        let failed = try assay("audit", "run", "--as-of", "2026-06-01", "--fail-on", "high", "--format", "json")
        #expect(failed.exitCode == 1)
        #expect(failed.stdout.contains("\"required-scheme-missing:vendor-1-iso27001\""))
        #expect(failed.stderr.hasPrefix("Audit as of 2026-06-01: 2 findings: 2 high\n"))
        let bad = try assay("audit", "run", "--fail-on", "severe")
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.hasPrefix("assay: error[value.enum]: --fail-on: invalid severity 'severe'"))
        // Runs without --out are previews: 'audit history' stays empty.
        #expect(try assay("audit", "history", "--format", "csv").stdout.split(separator: "\r\n").count == 1)
    }

    @Test func aRunWithoutOutIsAPreviewUnlessAskedToRecord() throws {
        try scenario()
        let entries = try assay("log", "--format", "csv").stdout
        let preview = try assay("audit", "run", "--as-of", "2026-06-01")
        #expect(preview.exitCode == 0)
        #expect(preview.stdout.contains("Audit report as of 2026-06-01"))
        #expect(preview.stderr.contains("preview, not recorded (--record or --out records it); audit log head 3 "))
        #expect(try assay("audit", "history").stdout.split(separator: "\n").count <= 1)
        #expect(try assay("log", "--format", "csv").stdout == entries, "a preview wrote to the audit log")
        #expect(try assay("audit", "run", "--as-of", "2026-06-01", "--record").stderr.contains("recorded run #1; "))
        #expect(
            try assay("audit", "run", "--as-of", "2026-06-01", "--out", reports).stdout.contains("recorded run #2; "))
        let unrecorded = try assay("audit", "run", "--as-of", "2026-06-01", "--out", reports, "--no-record")
        #expect(unrecorded.stdout.contains("run not recorded (--no-record); "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports).count == 2)
        let compared = try assay("audit", "run", "--as-of", "2026-06-01", "--since", "last")
        #expect(compared.stderr.contains("Changes from run #2 (as of 2026-06-01) to this preview (as of 2026-06-01)\n"))
        #expect(compared.stderr.contains("0 new, 0 resolved, 2 persisting\n"))
        #expect(try assay("audit", "history", "--format", "csv").stdout.split(separator: "\r\n").count == 3)
        let both = try assay("audit", "run", "--record", "--no-record")
        #expect(both.exitCode == 64)
    }

    @Test func writesDatedReportsAtomicallyAndRecordsTheirDigest() throws {
        try scenario()
        let run = try assay("audit", "run", "--as-of", "2026-06-01", "--format", "html", "--out", reports)
        #expect(run.exitCode == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: reports)
        #expect(files.count == 1)
        let file = try #require(files.first)
        #expect(file.hasPrefix("assay-audit-2026-06-01-") && file.hasSuffix(".html"))
        let digest = try #require(run.stdout.split(separator: "sha256 ").last?.prefix(64))
        #expect(try Self.sha256(reports + "/" + file) == String(digest))
        #expect(!files.contains { $0.contains(".partial") })
        let history = try assay("audit", "history", "--format", "json").stdout
        #expect(history.contains(String(digest)))
        #expect(history.contains("\"reportFile\" : \"\(reports)/\(file)\""))
    }

    @Test func diffAfterResolvingOneFindingAndCreatingAnother() throws {
        try scenario()
        #expect(try assay("audit", "run", "--as-of", "2026-06-01", "--record").exitCode == 0)
        // Resolve ZTE's missing ISO/IEC 27001; give Nokia a certification that expires within 30 days.
        try assay(
            "cert", "add", "ZTE", "--scheme", "iso27001", "--number", "SAMPLE-2", "--issued-on", "2025-01-01",
            "--valid-until", "2028-01-01")
        try assay(
            "cert", "add", "Nokia", "--scheme", "iso27001", "--number", "SAMPLE-3", "--issued-on", "2023-07-01",
            "--valid-until", "2026-06-20")
        let second = try assay("audit", "run", "--as-of", "2026-06-01", "--out", reports, "--since", "last")
        #expect(second.stdout.contains("1 new, 1 resolved, 1 persisting\n"))
        let diff = try assay("audit", "diff")
        #expect(diff.exitCode == 0)
        let lines = diff.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Changes from run #1 (as of 2026-06-01) to run #2 (as of 2026-06-01)")
        #expect(lines.contains { $0.hasPrefix("new        medium   certification-expiring:certification-3  Nokia: ") })
        #expect(lines.contains { $0.hasPrefix("resolved   high     required-scheme-missing:vendor-1-iso27001  ZTE: ") })
        #expect(lines.contains { $0.hasPrefix("persisting high     certification-expired:certification-1  Nokia: ") })
        #expect(lines.last == "1 new, 1 resolved, 1 persisting")
        #expect(try assay("audit", "diff", "1", "2", "--format", "json").stdout.contains("\"resolved\""))
        #expect(try assay("audit", "diff", "9").exitCode == 2)
    }

    @Test func refusesABadPolicyWithItsLine() throws {
        let policy = directory.file("policy.yaml")
        #expect(try assay("audit", "policy", "init", policy).exitCode == 0)
        #expect(try assay("audit", "policy", "init", policy).exitCode == 2)
        #expect(try assay("audit", "policy", "check", policy).stdout.hasPrefix("OK \(policy): policy digest "))
        let text = try String(contentsOfFile: policy, encoding: .utf8)
            .replacingOccurrences(of: "maxVerificationAgeDays: 365", with: "maxVerificationAgeDays: -1")
        try Data(text.utf8).write(to: URL(fileURLWithPath: policy))
        let line =
            (text.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("maxVerificationAgeDays: -1") } ?? 0) + 1
        let run = try assay("audit", "run", "--policy", policy)
        #expect(run.exitCode == 2)
        #expect(
            run.stderr
                == "assay: error[audit.policy]: \(policy): line \(line): escrow.maxVerificationAgeDays: expected a whole "
                + "number of days from 0 to 36500, not '-1'\n")
        let history = try assay("audit", "history").stdout
        #expect(history.split(separator: "\n").count == 1)
    }

    /// The SHA-256 of a file, by coreutils.
    static func sha256(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    @Test func schedulingFilesMatchTheTemplates() throws {
        let scripts = Paths.packageRoot + "/Scripts/"
        let example = ScheduleTemplates.Placeholders.example
        if ProcessInfo.processInfo.environment["ASSAY_UPDATE_GOLDEN"] != nil {
            try Data(ScheduleTemplates.service(example).utf8).write(
                to: URL(fileURLWithPath: scripts + "assay-audit.service"))
            try Data(ScheduleTemplates.timer().utf8).write(to: URL(fileURLWithPath: scripts + "assay-audit.timer"))
            try Data(ScheduleTemplates.cron(example).utf8).write(to: URL(fileURLWithPath: scripts + "assay-audit.cron"))
        }
        #expect(
            try String(contentsOfFile: scripts + "assay-audit.service", encoding: .utf8)
                == ScheduleTemplates.service(example))
        #expect(try String(contentsOfFile: scripts + "assay-audit.timer", encoding: .utf8) == ScheduleTemplates.timer())
        #expect(
            try String(contentsOfFile: scripts + "assay-audit.cron", encoding: .utf8)
                == ScheduleTemplates.cron(example))
        let installed = try installedAssay()
        let printed = try AssayProcess.run(
            ["audit", "schedule", "--print", "cron", "--out", "/srv/assay reports", "--db", "/srv/a.sqlite"],
            environment: ["PATH": installed.folder + ":/usr/bin:/bin"])
        #expect(
            printed.stdout.contains(
                "ASSAY_DB=/srv/a.sqlite \(installed.binary) audit run --format html "
                    + "--out '/srv/assay reports' --actor assay-audit"))
        let systemd = try AssayProcess.run(
            ["audit", "schedule", "--print", "systemd", "--out", "/srv/r"],
            environment: ["PATH": installed.folder + ":/usr/bin:/bin"]
        ).stdout
        #expect(systemd.contains("ExecStart=\(installed.binary) audit run --format html --out /srv/r"))
        #expect(systemd.contains("OnCalendar=*-*-* 06:00:00"))
    }

    /// A folder holding an executable `assay`, as an installed one would be.
    func installedAssay() throws -> (folder: String, binary: String) {
        let folder = directory.file("bin")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let binary = try directory.write("bin/assay", "#!/bin/sh\nexit 0\n")
        chmod(binary, 0o755)
        return (folder, binary)
    }

    @Test func scheduleNeverNamesABuildFolderOrAManualPageNothingInstalled() throws {
        let run = try AssayProcess.run(
            ["audit", "schedule", "--print", "systemd", "--out", "/srv/r"],
            environment: ["PATH": "/usr/bin:/bin", "MANPATH": directory.file("man")])
        #expect(run.exitCode == 0)
        #expect(!run.stdout.contains(".build/"))
        #expect(!run.stdout.contains("man:"))
        #expect(run.stdout.contains("ExecStart=/path/to/assay audit run --format html --out /srv/r"))
        #expect(run.stderr.hasPrefix("assay: warning: no installed assay found "))
        #expect(run.stdout.hasPrefix("# ==== assay-audit.service ====\n# assay-audit.service: "))
        #expect(run.stdout.contains("\n# ==== assay-audit.timer ====\n# assay-audit.timer: "))
        try FileManager.default.createDirectory(atPath: directory.file("man/man1"), withIntermediateDirectories: true)
        try directory.write("man/man1/assay.1", ".TH ASSAY 1\n")
        let documented = try AssayProcess.run(
            ["audit", "schedule", "--print", "systemd", "--out", "/srv/r"],
            environment: ["PATH": "/usr/bin:/bin", "MANPATH": directory.file("man")])
        #expect(documented.stdout.contains("\nDocumentation=man:assay(1)\n"))
    }

    @Test func scheduleWritesTheTwoUnitFilesIntoAFolder() throws {
        let installed = try installedAssay()
        let units = directory.file("units")
        try FileManager.default.createDirectory(atPath: units, withIntermediateDirectories: true)
        let arguments = ["audit", "schedule", "--print", "systemd", "--out", "/srv/r", "--unit-dir", units]
        let environment = ["PATH": installed.folder + ":/usr/bin:/bin"]
        let written = try AssayProcess.run(arguments, environment: environment)
        #expect(written.exitCode == 0, "\(written.stderr)")
        #expect(written.stdout.hasPrefix("wrote \(units)/assay-audit.service\nwrote \(units)/assay-audit.timer\n"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: units).sorted()
                == ["assay-audit.service", "assay-audit.timer"])
        let service = try String(contentsOfFile: units + "/assay-audit.service", encoding: .utf8)
        #expect(service.contains("ExecStart=\(installed.binary) audit run --format html --out /srv/r"))
        #expect(try String(contentsOfFile: units + "/assay-audit.timer", encoding: .utf8) == ScheduleTemplates.timer())
        let again = try AssayProcess.run(arguments, environment: environment)
        #expect(again.exitCode == 2)
        #expect(
            again.stderr == "assay: error: \(units)/assay-audit.service already exists; pass --force to replace it\n")
        #expect(try AssayProcess.run(arguments + ["--force"], environment: environment).exitCode == 0)
        let cron = try AssayProcess.run([
            "audit", "schedule", "--print", "cron", "--out", "/srv/r", "--unit-dir", units,
        ])
        #expect(cron.exitCode == 64)
    }
}
