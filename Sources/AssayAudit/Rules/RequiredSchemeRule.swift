import AssayCore

/// A vendor lacks a valid certification of a scheme the policy requires of its tier or relationship.
public struct RequiredSchemeRule: AuditRule {
    public init() {}

    public var kinds: [FindingKind] { [.requiredSchemeMissing] }

    public func findings(in context: AuditContext) -> [Finding] {
        guard !context.policy.requiredSchemes.isEmpty else { return [] }
        return context.snapshot.vendors.flatMap { vendor -> [Finding] in
            var required: [CertificationScheme] = []
            for requirement in context.policy.requiredSchemes
            where requirement.applies(tier: vendor.tier, relationship: vendor.relationship) {
                required += requirement.schemes.filter { !required.contains($0) }
            }
            let held = context.certifications(of: vendor.id)
            return required.compactMap { scheme in
                let sameScheme = held.filter { $0.scheme == scheme }
                guard !sameScheme.contains(where: { $0.validity == .valid }) else { return nil }
                let others = sameScheme.isEmpty ? "none recorded" : "recorded but not valid"
                return context.finding(
                    .requiredSchemeMissing, key: "vendor-\(vendor.id)-\(scheme.id)", vendor: vendor.id,
                    subject: scheme.title,
                    message: "\(vendor.name) has no valid \(scheme.title) certification on \(context.asOf) "
                        + "(\(others)); the policy requires it of this vendor.",
                    records: [RecordReference("vendor", vendor.id)] + sameScheme.map(\.reference))
            }
        }
    }
}
