import AssayCore

extension PolicyNode {
    /// The policy at the document's root.
    func policy() throws(AuditError) -> AuditPolicy {
        let keys = ["jurisdictions", "expiryWarnings", "requiredSchemes", "escrow", "severities"]
        let fields = try fields(allowed: keys + ["acceptance", "notifications"], required: keys)
        // Optional, so that policies written before accepted risks existed still read: the template's limits.
        let acceptance: AcceptancePolicy
        if let node = fields["acceptance"] {
            acceptance = try node.acceptance()
        } else {
            acceptance = try AuditPolicy.standard().acceptance
        }
        return AuditPolicy(
            jurisdictions: try required(fields, "jurisdictions").items().map { item throws(AuditError) in
                try item.value(Jurisdiction.init(text:))
            },
            expiryWarnings: try required(fields, "expiryWarnings").items().map { item throws(AuditError) in
                try item.expiryWarning()
            },
            requiredSchemes: try required(fields, "requiredSchemes").items().map { item throws(AuditError) in
                try item.requirement()
            },
            escrow: try required(fields, "escrow").escrow(),
            severities: try required(fields, "severities").severities(),
            acceptance: acceptance,
            notifications: try fields["notifications"]?.channels() ?? [])
    }

    private func required(_ fields: [String: PolicyNode], _ key: String) throws(AuditError) -> PolicyNode {
        guard let field = fields[key] else { throw fail("missing key '\(key)'") }
        return field
    }

    private func expiryWarning() throws(AuditError) -> ExpiryWarning {
        let fields = try fields(allowed: ["days", "severity"], required: ["days", "severity"])
        return ExpiryWarning(
            days: try required(fields, "days").days(),
            severity: try required(fields, "severity").value(Severity.init(parsing:)))
    }

    private func requirement() throws(AuditError) -> SchemeRequirement {
        let fields = try fields(allowed: ["tier", "relationship", "schemes"], required: ["schemes"])
        var tier: Int?
        if let node = fields["tier"] {
            guard let value = Int(try node.text()), (1...4).contains(value) else {
                throw node.fail("expected a tier from 1 to 4")
            }
            tier = value
        }
        return SchemeRequirement(
            tier: tier, relationship: try fields["relationship"]?.value(VendorRelationship.init(parsing:)),
            schemes: try required(fields, "schemes").items().map { item throws(AuditError) in
                try item.value(CertificationScheme.init(text:))
            })
    }

    private func escrow() throws(AuditError) -> EscrowPolicy {
        let keys = ["depositAllowanceDays", "maxVerificationAgeDays"]
        let fields = try fields(allowed: keys, required: keys)
        return EscrowPolicy(
            depositAllowanceDays: try required(fields, "depositAllowanceDays").days(),
            maxVerificationAgeDays: try required(fields, "maxVerificationAgeDays").days())
    }

    private func acceptance() throws(AuditError) -> AcceptancePolicy {
        let fields = try fields(allowed: ["maxDays"], required: ["maxDays"])
        let severities = Severity.allCases.map(\.rawValue)
        let limits = try required(fields, "maxDays").fields(allowed: severities, required: severities)
        var maxDays: [String: Int] = [:]
        for (severity, node) in limits {
            maxDays[severity] = try node.text() == "none" ? 0 : node.days()
        }
        return AcceptancePolicy(maxDays: maxDays)
    }

    private func severities() throws(AuditError) -> [String: Severity] {
        let kinds = FindingKind.allCases.filter { $0 != .certificationExpiring }.map(\.rawValue)
        let fields = try fields(allowed: kinds, required: [])
        var result: [String: Severity] = [:]
        for (kind, node) in fields {
            result[kind] = try node.value(Severity.init(parsing:))
        }
        return result
    }
}
