import AssayAudit
import AssayCore
import AssayCrypto
import AssayStore
import Foundation

/// One audit run: read the records, evaluate them, render and write the report, record the run (unless `record` is
/// false, for a user who may only read the database), then send the summary to the notification channels.
///
/// The report is written atomically (temporary file, fsync, rename) before the run is recorded in one
/// transaction, so an interrupted run leaves either nothing or a whole report; a recorded run always names a
/// whole report.
public struct AuditRunJob {
    /// The records store the run reads, and records the run in.
    public let store: Store
    /// The policy the records are evaluated against.
    public let policy: AuditPolicy
    /// The report's format.
    public let format: AuditReportFormat
    /// The folder the report is written into under a dated name; `nil` keeps it in ``Outcome/text``.
    public let outputFolder: String?
    /// Whether the run is recorded in the store and the audit log.
    public var record = true
    /// Where to send a summary once the report is written and the run recorded.
    public var channels: [NotifyChannel] = []

    /// A job on `store` with `policy`, writing `format` into `outputFolder` (or nowhere).
    public init(store: Store, policy: AuditPolicy, format: AuditReportFormat, outputFolder: String?) {
        self.store = store
        self.policy = policy
        self.format = format
        self.outputFolder = outputFolder
    }

    /// What a run produced.
    public struct Outcome {
        /// The findings, counted and accepted, and what they rest on.
        public var report: AuditReport
        /// What was, or would have been, recorded.
        public var draft: AuditRunDraft
        /// The recorded run; `nil` when the run was not recorded.
        public var run: AuditRun?
        /// The rendered report, when it was not written to a file.
        public var text: String?
        /// How sending the summary to each channel ended.
        public var notifications: [Notifier.Outcome] = []
    }

    /// Runs the audit as of `asOf`; `progress` is told how many of the audit log's entries have been verified.
    public func run(asOf: CalendarDate, progress: ProgressHandler? = nil) throws -> Outcome {
        let (snapshot, assessment) = try AuditEngine().evaluate(store, asOf: asOf, policy: policy, progress: progress)
        let report = AuditReport(snapshot: snapshot, policyDigest: try policy.digest(), assessment: assessment)
        var draft = AuditRunDraft(
            asOf: asOf, policyDigest: report.policyDigest, format: format.rawValue, findings: report.recorded)
        draft.logHeadSeq = snapshot.logHead?.seq
        draft.logHeadHash = snapshot.logHead?.hash
        let path = try outputFolder.map { try reportPath(in: $0, asOf: asOf) }
        // A JSON report going to a file is encoded straight into it, a megabyte at a time: 30,000 findings are
        // tens of MiB of JSON, which the run would otherwise hold whole (and the encoder's tree beside it). Other
        // reports are hashed and written from the rendered text's own UTF-8 storage, never a byte copy of it.
        var text = format == .json && path != nil ? nil : try render(report, snapshot: snapshot)
        text?.makeContiguousUTF8()
        let hasher = try DigestContext(.sha256)
        if let path {
            try AtomicFile.write(to: path) { write in
                let hashed: ([UInt8]) throws -> Void = { piece in
                    hasher.update(piece)
                    try write(piece)
                }
                if let text {
                    try Self.write(text, in: hashed)
                } else {
                    try AuditTabularRenderer.json(report, to: hashed)
                }
            }
            draft.reportFile = path
        } else if let text {
            try Self.withUTF8(of: text) { hasher.update(UnsafeRawBufferPointer($0)) }
        }
        draft.reportSha256 = try hasher.finalize().hex
        let previous = channels.isEmpty ? nil : try store.latestAuditRun()
        let run = record ? try store.recordAuditRun(draft) : nil
        var outcome = Outcome(
            report: report, draft: draft, run: run,
            text: outputFolder == nil ? text : nil)
        if !channels.isEmpty {
            let notification = AuditNotification(
                report: report, runId: run?.id, previous: previous.map { ($0.run.id, $0.findings) },
                reportFile: draft.reportFile, reportSha256: draft.reportSha256 ?? "")
            let markdown =
                (format == .md ? text : nil) ?? MarkdownRenderer.render(AuditOutline.document(report))
            outcome.notifications = Notifier().send(
                notification, markdown: markdown, reportName: "assay-audit-\(asOf).md", to: channels)
        }
        return outcome
    }

    /// Hands the text's UTF-8 bytes to `write` a megabyte at a time.
    private static func write(_ text: String, in write: ([UInt8]) throws -> Void) throws {
        try withUTF8(of: text) { bytes in
            for start in stride(from: 0, to: bytes.count, by: 1 << 20) {
                try write(Array(bytes[start..<min(start + (1 << 20), bytes.count)]))
            }
        }
    }

    /// Runs `body` over the text's UTF-8 bytes in place (copied only if the string is not stored contiguously).
    private static func withUTF8(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        if try text.utf8.withContiguousStorageIfAvailable(body) == nil {
            try Array(text.utf8).withUnsafeBufferPointer(body)
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
            throw WorkflowError.cannotCreateFolder(path: folder, reason: error.localizedDescription)
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
}
