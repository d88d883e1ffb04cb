import AssayStore

extension AuditOffer {
    /// `escrow offer #2 (agent-deposit)`.
    public var subject: String { "escrow offer #\(id) (\(kind.rawValue))" }
}

extension AuditDeposit {
    /// `deposit #5 (1.16.2)`.
    public var subject: String { "deposit #\(id)\(label.map { " (\($0))" } ?? "")" }
}
