/// An X.509 certificate past its notAfter day.
public struct X509ExpiredRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.x509Expired] }

    public func findings(in context: AuditContext) -> [Finding] {
        context.snapshot.certifications.compactMap { certification in
            guard certification.isX509, certification.validity == .expired else { return nil }
            let subject =
                certification.x509.map { "X.509 \($0.subject) (certification #\(certification.id))" }
                ?? certification.subject
            let notAfter = certification.x509?.notAfter ?? certification.validUntil?.description ?? "?"
            return context.finding(
                .x509Expired, key: "certification-\(certification.id)", vendor: certification.vendorId,
                subject: subject, message: "\(subject) expired (notAfter \(notAfter)).",
                records: [certification.reference])
        }
    }
}
