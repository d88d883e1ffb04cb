/// How urgently an audit finding needs attention, from `info` to `critical`; ordered, so `--fail-on high` also
/// fails on `critical`.
public enum Severity: String, CaseIterable, Codable, Sendable, Comparable {
    case info
    case low
    case medium
    case high
    case critical

    /// Parses a severity typed by a user or read from a policy (case-insensitive).
    public init(parsing text: String) throws(ValueError) {
        guard let value = Severity(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw ValueError.invalidEnumValue(field: "severity", value: text, allowed: Self.allCases.map(\.rawValue))
        }
        self = value
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// Position from `info` (0) to `critical` (4).
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
