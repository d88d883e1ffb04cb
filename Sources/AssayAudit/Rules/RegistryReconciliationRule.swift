import AssayStore

/// A claimed Common Criteria, EUCC or FIPS 140 certification that the imported public registries do not support:
/// archived or historical, revoked, not found, another product or versions not covered, dates that disagree.
public struct RegistryReconciliationRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] {
        [.registryArchived, .registryRevoked, .registryNotFound, .registryNotCovered, .registryDatesDisagree]
    }

    public func findings(in context: AuditContext) -> [Finding] {
        context.snapshot.reconciliation.compactMap { result -> Finding? in
            let kind: FindingKind
            switch result.outcome {
            case .active: return nil
            case .archived: kind = .registryArchived
            case .revoked: kind = .registryRevoked
            case .notFound: kind = .registryNotFound
            case .productNotCovered, .versionNotCovered: kind = .registryNotCovered
            case .datesDisagree: kind = .registryDatesDisagree
            }
            var records = [RecordReference("certification", result.certificationId)]
            if let registryRecord = result.registryRecordId {
                records.append(RecordReference("registryRecord", registryRecord))
            }
            let subject = "\(result.scheme.title)\(result.number.map { " \($0)" } ?? "") (certification #\(result.certificationId))"
            return context.finding(
                kind, key: "certification-\(result.certificationId)-\(result.outcome.rawValue)",
                vendor: result.vendor.id, subject: subject, message: result.message + ".", records: records)
        }
    }
}
