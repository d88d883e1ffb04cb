import AssayCore
import AssayStore

/// When an audit fails (`audit run --fail-on`): on a counted finding at least as severe as ``severity``, or, with
/// ``onlyNew`` (`new:high`), only on such a finding that did not count in the previous recorded run, so that a
/// daily job alerts once about a problem rather than every day. Accepted findings never make an audit fail.
public struct FailureThreshold: Sendable, Equatable {
    public var severity: Severity
    public var onlyNew: Bool

    public init(severity: Severity, onlyNew: Bool) {
        self.severity = severity
        self.onlyNew = onlyNew
    }

    /// Parses `high` or `new:high` (case-insensitive).
    public init(parsing text: String) throws(ValueError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let onlyNew = trimmed.lowercased().hasPrefix(Self.newPrefix)
        self.init(
            severity: try Severity(parsing: onlyNew ? String(trimmed.dropFirst(Self.newPrefix.count)) : trimmed),
            onlyNew: onlyNew)
    }

    private static let newPrefix = "new:"

    /// The findings of `report` that make it fail. `previous` is what the previous recorded run reported (ignored
    /// unless ``onlyNew``): a finding is new when that run did not count it — it was absent, or accepted then.
    public func failing(_ report: AuditReport, previous: [RecordedFinding]) -> [Finding] {
        let counted = Set(previous.filter { $0.acceptanceId == nil }.map(\.id))
        return report.findings.filter { $0.severity >= severity && !(onlyNew && counted.contains($0.id)) }
    }
}
