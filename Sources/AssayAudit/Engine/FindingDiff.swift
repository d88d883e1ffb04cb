import AssayStore

/// What changed between two runs' findings, matched by their stable ids.
public struct FindingDiff: Codable, Sendable, Equatable {
    /// In the later run only.
    public var new: [RecordedFinding]
    /// In the earlier run only.
    public var resolved: [RecordedFinding]
    /// In both (as the later run reports them).
    public var persisting: [RecordedFinding]

    /// Compares an earlier run's findings with a later one's.
    public init(from earlier: [RecordedFinding], to later: [RecordedFinding]) {
        let before = Set(earlier.map(\.id))
        let after = Set(later.map(\.id))
        new = Self.ordered(later.filter { !before.contains($0.id) })
        resolved = Self.ordered(earlier.filter { !after.contains($0.id) })
        persisting = Self.ordered(later.filter { before.contains($0.id) })
    }

    /// Most severe first, then by vendor and id.
    private static func ordered(_ findings: [RecordedFinding]) -> [RecordedFinding] {
        findings.sorted { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            return (lhs.vendorName ?? "", lhs.id) < (rhs.vendorName ?? "", rhs.id)
        }
    }

    /// `2 new, 1 resolved, 5 persisting`.
    public var countLine: String { "\(new.count) new, \(resolved.count) resolved, \(persisting.count) persisting" }
}
