import AssayAudit
import AssayCore
import AssayCrypto
import AssayStore
import AssayWorkflows
import Foundation

/// One audit: read the records, evaluate them, render and write the report, record the run (unless `record` is
/// false, for a user who may only read the database).
///
/// The report is written atomically (temporary file, fsync, rename) before the run is recorded in one
/// transaction, so an interrupted run leaves either nothing or a whole report; a recorded run always names a
/// whole report.
struct AuditJob {
    let store: Store
    let policy: AuditPolicy
    let format: AuditFormat
    let outputFolder: String?
    var record = true
    /// Where to send a summary once the report is written and the run recorded.
    var channels: [NotifyChannel] = []

    /// What a run produced.
    struct Outcome {
        var report: AuditReport
        /// What was, or would have been, recorded.
        var draft: AuditRunDraft
        /// The recorded run; `nil` when the run was not recorded.
        var run: AuditRun?
        /// The rendered report, when it was not written to a file.
        var text: String?
        /// How sending the summary to each channel ended.
        var notifications: [Notifier.Outcome] = []
    }

    /// Runs the audit; `progress` is told how many of the audit log's entries have been verified.
    func run(asOf: CalendarDate, progress: ProgressHandler? = nil) throws -> Outcome {
        let snapshot = try store.auditSnapshot(asOf: asOf, progress: progress)
        let assessment = AuditEngine().evaluate(snapshot, policy: policy)
        let report = AuditReport(snapshot: snapshot, policyDigest: try policy.digest(), assessment: assessment)
        let bytes = Array(try render(report, snapshot: snapshot).utf8)
        var draft = AuditRunDraft(
            asOf: asOf, policyDigest: report.policyDigest, format: format.rawValue, findings: report.recorded)
        draft.reportSha256 = try DigestContext.digest(bytes).hex
        draft.logHeadSeq = snapshot.logHead?.seq
        draft.logHeadHash = snapshot.logHead?.hash
        if let outputFolder {
            let path = try reportPath(in: outputFolder, asOf: asOf)
            try AtomicFile.write(bytes, to: path)
            draft.reportFile = path
        }
        let previous = channels.isEmpty ? nil : try store.latestAuditRun()
        let run = record ? try store.recordAuditRun(draft) : nil
        var outcome = Outcome(
            report: report, draft: draft, run: run,
            text: outputFolder == nil ? String(decoding: bytes, as: UTF8.self) : nil)
        if !channels.isEmpty {
            let notification = AuditNotification(
                report: report, runId: run?.id, previous: previous.map { ($0.run.id, $0.findings) },
                reportFile: draft.reportFile, reportSha256: draft.reportSha256 ?? "")
            let name = "assay-audit-\(asOf).md"
            let markdown =
                format == .md
                ? String(decoding: bytes, as: UTF8.self)
                : MarkdownRenderer.render(
                    AuditOutline.document(report))
            outcome.notifications = Notifier().send(notification, markdown: markdown, reportName: name, to: channels)
        }
        return outcome
    }

    /// One `assay: warning: notify CHANNEL: …` line for each channel that did not take the summary.
    static func notificationWarnings(_ outcome: Outcome) -> [String] {
        outcome.notifications.compactMap { result in
            result.error.map { "assay: warning: notify \($0) (after \(result.attempts) tries)" }
        }
    }

    private func render(_ report: AuditReport, snapshot: AuditSnapshot) throws -> String {
        switch format {
        case .text: TextRenderer.render(AuditOutline.document(report))
        case .md: MarkdownRenderer.render(AuditOutline.document(report))
        case .json: try AuditTabularRenderer.json(report)
        case .csv: AuditTabularRenderer.csv(report)
        case .html: try AuditHTMLRenderer.render(report, snapshot: snapshot)
        }
    }

    /// `DIR/assay-audit-ASOF-RUNTIME.EXT`, with `-2`, `-3`… when a run in the same second already wrote one.
    private func reportPath(in folder: String, asOf: CalendarDate) throws -> String {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure(message: "--out \(folder): cannot create the folder: \(error.localizedDescription)")
        }
        let stamp = Timestamp.now().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            .prefix(15)
        let base = "\(folder)/assay-audit-\(asOf)-\(stamp)Z"
        var path = "\(base).\(format.fileExtension)"
        var attempt = 1
        while FileManager.default.fileExists(atPath: path) {
            attempt += 1
            path = "\(base)-\(attempt).\(format.fileExtension)"
        }
        return path
    }

    /// The lines printed after a run; `unrecorded` says why a run was not recorded.
    static func summary(_ outcome: Outcome, unrecorded: String = "run not recorded") -> String {
        let draft = outcome.draft
        var lines = ["Audit as of \(outcome.report.asOf): \(outcome.report.countLine)"]
        if let file = draft.reportFile {
            lines.append("report: \(file) (sha256 \(draft.reportSha256 ?? ""))")
        }
        let head = draft.logHeadSeq.map { "audit log head \($0) \(draft.logHeadHash ?? "")" } ?? "audit log empty"
        lines.append((outcome.run.map { "recorded run #\($0.id)" } ?? unrecorded) + "; \(head)")
        return lines.joined(separator: "\n") + "\n"
    }
}
