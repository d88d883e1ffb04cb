/// A record differs from what the audit log says: it was updated, inserted or deleted outside Assay, or an
/// evidence file is missing or has another size.
public struct RecordsTamperedRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.recordsTampered] }

    public var readsLogVerification: Bool { true }

    public func findings(in context: AuditContext) -> [Finding] {
        guard let records = context.snapshot.logVerification.records else { return [] }
        return records.differences.map { difference in
            context.finding(
                .recordsTampered, key: "\(difference.table):\(difference.key)", vendor: nil,
                subject: difference.subject, message: difference.message + ".",
                records: difference.rowId.map { [RecordReference(difference.table, $0)] } ?? [])
        }
    }
}
