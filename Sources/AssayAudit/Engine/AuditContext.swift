import AssayCore
import AssayStore

/// What every rule reads: the snapshot, the policy, and indexes built once per audit.
public struct AuditContext: Sendable {
    public private(set) var snapshot: AuditSnapshot
    public let policy: AuditPolicy
    /// Vendors by id.
    public let vendors: [Int64: AuditVendor]
    /// The positions in the snapshot's certifications of each vendor's, by vendor id: positions, not copies, so
    /// that an audit holds every certification once.
    private let certificationIndexes: [Int64: [Int]]

    public init(snapshot: AuditSnapshot, policy: AuditPolicy) {
        self.snapshot = snapshot
        self.policy = policy
        vendors = Dictionary(snapshot.vendors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var indexes: [Int64: [Int]] = [:]
        for (index, certification) in snapshot.certifications.enumerated() {
            indexes[certification.vendorId, default: []].append(index)
        }
        certificationIndexes = indexes
    }

    /// A vendor's certifications, in the snapshot's order.
    public func certifications(of vendorId: Int64) -> [AuditCertification] {
        (certificationIndexes[vendorId] ?? []).map { snapshot.certifications[$0] }
    }

    /// The same context over the snapshot with the audit log's verification filled in.
    func verified(_ verification: LogVerification) -> AuditContext {
        var context = self
        context.snapshot.logVerification = verification
        return context
    }

    /// The audit day.
    public var asOf: CalendarDate { snapshot.asOf }

    /// A finding with a stable id built from its kind and `key` (the records that make the problem), and the
    /// policy's severity for the kind unless `severity` is given.
    public func finding(
        _ kind: FindingKind, key: String, vendor vendorId: Int64?, subject: String, message: String,
        records: [RecordReference], severity: Severity? = nil, path: [String]? = nil
    ) -> Finding {
        Finding(
            id: "\(kind.rawValue):\(key)", kind: kind, severity: severity ?? policy.severity(of: kind),
            vendor: vendorId.map { FindingVendor(id: $0, name: vendors[$0]?.name ?? "#\($0)") },
            subject: subject, message: message, records: records, path: path)
    }
}

extension AuditCertification {
    /// `ISO/IEC 27001 SAMPLE-1 (certification #1)`.
    public var subject: String {
        let level = level.map { " \($0)" } ?? ""
        let number = number.map { " \($0)" } ?? ""
        return "\(scheme.title)\(level)\(number) (certification #\(id))"
    }

    /// True for X.509 certificates, which have rules of their own.
    var isX509: Bool { scheme.builtin == .x509 }

    var reference: RecordReference { RecordReference("certification", id) }
}
