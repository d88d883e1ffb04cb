/// The audit log's hash chain is broken: records may have been changed outside Assay.
public struct AuditLogRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.auditLogBroken] }

    public var readsLogVerification: Bool { true }

    public func findings(in context: AuditContext) -> [Finding] {
        guard let broken = context.snapshot.logVerification.firstBreak else { return [] }
        return [
            context.finding(
                .auditLogBroken, key: "audit-log", vendor: nil, subject: "audit log entry \(broken.seq)",
                message: "The audit log's hash chain is broken at entry \(broken.seq): \(broken.reason).",
                records: [RecordReference("auditLog", broken.seq)])
        ]
    }
}
