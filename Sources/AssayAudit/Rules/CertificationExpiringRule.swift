/// A valid certification whose last day falls within one of the policy's lead times; the severity is the
/// tightest lead time's. The id stays the same as the lead time shrinks.
public struct CertificationExpiringRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.certificationExpiring] }

    public func findings(in context: AuditContext) -> [Finding] {
        context.snapshot.certifications.compactMap { certification in
            guard !certification.isX509, certification.validity == .valid,
                let validUntil = certification.validUntil
            else { return nil }
            let left = context.asOf.days(until: validUntil)
            guard let warning = context.policy.expiryWarning(daysLeft: left) else { return nil }
            return context.finding(
                .certificationExpiring, key: "certification-\(certification.id)", vendor: certification.vendorId,
                subject: certification.subject,
                message: "\(certification.subject) is valid until \(validUntil): \(left) days left "
                    + "(within the \(warning.days)-day lead time).",
                records: [certification.reference], severity: warning.severity)
        }
    }
}
