/// An active certification (not an X.509 certificate: see ``X509ExpiredRule``) past its last valid day.
public struct CertificationExpiredRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.certificationExpired] }

    public func findings(in context: AuditContext) -> [Finding] {
        context.snapshot.certifications.compactMap { certification in
            guard !certification.isX509, certification.validity == .expired,
                let validUntil = certification.validUntil
            else { return nil }
            let ago = validUntil.days(until: context.asOf)
            return context.finding(
                .certificationExpired, key: "certification-\(certification.id)", vendor: certification.vendorId,
                subject: certification.subject,
                message: "\(certification.subject) expired after \(validUntil) (\(ago) days before \(context.asOf)).",
                records: [certification.reference])
        }
    }
}
