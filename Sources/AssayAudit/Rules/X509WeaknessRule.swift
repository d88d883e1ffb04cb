/// An X.509 certificate signed with a weak digest or carrying a short key.
public struct X509WeaknessRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.x509Weak] }

    public func findings(in context: AuditContext) -> [Finding] {
        context.snapshot.certifications.compactMap { certification in
            guard let x509 = certification.x509, !x509.weaknesses.isEmpty else { return nil }
            let subject = "X.509 \(x509.subject) (certification #\(certification.id))"
            return context.finding(
                .x509Weak, key: "certification-\(certification.id)", vendor: certification.vendorId,
                subject: subject, message: "\(subject): \(x509.weaknesses.joined(separator: "; ")).",
                records: [certification.reference])
        }
    }
}
