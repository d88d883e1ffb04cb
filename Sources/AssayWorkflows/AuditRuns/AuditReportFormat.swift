/// The formats an audit run writes its report in.
public enum AuditReportFormat: String, CaseIterable, Sendable {
    case text, md, html, json, csv

    /// The report file's extension.
    public var fileExtension: String { self == .text ? "txt" : rawValue }
}
