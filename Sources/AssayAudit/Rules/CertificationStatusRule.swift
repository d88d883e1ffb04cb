/// A certification suspended, withdrawn or revoked on the audit day.
public struct CertificationStatusRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.certificationSuspended, .certificationWithdrawn, .certificationRevoked] }

    public func findings(in context: AuditContext) -> [Finding] {
        context.snapshot.certifications.compactMap { certification in
            let kind: FindingKind
            switch certification.validity {
            case .suspended: kind = .certificationSuspended
            case .withdrawn: kind = .certificationWithdrawn
            case .revoked: kind = .certificationRevoked
            case .valid, .notYetValid, .expired: return nil
            }
            return context.finding(
                kind, key: "certification-\(certification.id)", vendor: certification.vendorId,
                subject: certification.subject,
                message: "\(certification.subject) is \(certification.validity.rawValue) on \(context.asOf).",
                records: [certification.reference])
        }
    }
}
