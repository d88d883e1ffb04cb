import AssayWorkflows

/// What is printed after an audit run: the counts, the report file, whether the run was recorded, and a warning per
/// notification channel that did not take the summary.
enum AuditRunSummary {
    /// The lines printed after a run; `unrecorded` says why a run was not recorded.
    static func text(_ outcome: AuditRunJob.Outcome, unrecorded: String = "run not recorded") -> String {
        let draft = outcome.draft
        var lines = ["Audit as of \(outcome.report.asOf): \(outcome.report.countLine)"]
        if let file = draft.reportFile {
            lines.append("report: \(file) (sha256 \(draft.reportSha256 ?? ""))")
        }
        let head = draft.logHeadSeq.map { "audit log head \($0) \(draft.logHeadHash ?? "")" } ?? "audit log empty"
        lines.append((outcome.run.map { "recorded run #\($0.id)" } ?? unrecorded) + "; \(head)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One `assay: warning: notify CHANNEL: …` line for each channel that did not take the summary.
    static func notificationWarnings(_ outcome: AuditRunJob.Outcome) -> [String] {
        outcome.notifications.compactMap { result in
            result.error.map { "assay: warning: notify \($0) (after \(result.attempts) tries)" }
        }
    }
}
