import AssayCore
import Foundation

/// Renders an audit report for machines: JSON (`Schemas/audit-report.schema.json`) and CSV, one finding a row.
public enum AuditTabularRenderer {
    /// Pretty, key-sorted JSON with a final newline, as `JSONEncoder` writes it (``SortedJSONEncoder``, which is
    /// faster over tens of thousands of findings).
    public static func json(_ report: AuditReport) throws -> String {
        var bytes: [UInt8] = []
        try json(report) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same JSON handed to `write` in pieces of about a megabyte, as it is encoded: a report written to a file
    /// this way is never held whole in memory.
    public static func json(_ report: AuditReport, to write: ([UInt8]) throws -> Void) throws {
        try AuditReportJSON.write(report, to: write)
    }

    /// The CSV header.
    public static let columns = [
        "id", "severity", "kind", "vendorId", "vendor", "subject", "message", "records", "path", "acceptanceId",
        "acceptedBy", "acceptedUntil", "acceptanceReason",
    ]

    /// RFC 4180 CSV with a header row and one finding per row, the counted ones then the accepted ones; records as
    /// `entity#id` separated by spaces. The last four columns are empty but for accepted findings: the acceptance,
    /// its owner, its last day (the policy's cap when earlier) and its reason.
    public static func csv(_ report: AuditReport) -> String {
        (report.findings + report.accepted).reduce(into: CSVWriter.line(columns)) { text, finding in
            let acceptance = finding.acceptance
            text += CSVWriter.line([
                finding.id, finding.severity.rawValue, finding.kind.rawValue,
                finding.vendor.map { String($0.id) } ?? "", finding.vendor?.name ?? "", finding.subject,
                finding.message, finding.records.map { "\($0.entity)#\($0.id)" }.joined(separator: " "),
                (finding.path ?? []).joined(separator: " → "), acceptance.map { String($0.id) } ?? "",
                acceptance?.owner ?? "", (acceptance.map { $0.cappedUntil ?? $0.until })?.description ?? "",
                acceptance?.reason ?? "",
            ])
        }
    }
}
