import AssayCore
import AssayStore

/// The wording of a vendor dossier, shared by its text, Markdown and HTML renderings.
public enum DossierOutline {
    /// The dossier as a report document.
    public static func document(_ dossier: Dossier) -> ReportDocument {
        var facts = [ReportFact("Vendor", "\(dossier.vendor.name) (#\(dossier.vendor.id))")]
        if let country = dossier.country { facts.append(ReportFact("Country", "\(country.code) (\(country.name))")) }
        if !dossier.aliases.isEmpty { facts.append(ReportFact("Aliases", dossier.aliases.joined(separator: "; "))) }
        if !dossier.parents.isEmpty {
            facts.append(ReportFact("Parent path", ([dossier.vendor.name] + dossier.parents).joined(separator: " → ")))
        }
        if !dossier.affiliates.isEmpty {
            facts.append(ReportFact("Affiliates", dossier.affiliates.joined(separator: "; ")))
        }
        facts.append(ReportFact("As of", dossier.asOf.description))
        facts.append(ReportFact("Records known on", dossier.knownOn.description))
        let day = dossier.asOf.description
        return ReportDocument(
            title: "Vendor dossier: \(dossier.vendor.name)",
            facts: facts,
            sections: [
                ReportSection(
                    heading: "Restrictions in force on \(day)",
                    items: dossier.summary.restrictions.flatMap(restrictionLines),
                    whenEmpty: "No restriction recorded as in force."),
                ReportSection(
                    heading: "Certifications on \(day)",
                    items: dossier.summary.certifications.map(certificationLine),
                    whenEmpty: "No certification recorded."),
                ReportSection(
                    heading: "Registry reconciliation on \(day)",
                    items: dossier.summary.reconciliation.map(reconciliationLine),
                    whenEmpty: "No claim checked against an imported registry."),
                ReportSection(
                    heading: "Escrow on \(day)",
                    items: dossier.summary.escrow.flatMap(escrowLines),
                    whenEmpty: "No escrow offer recorded."),
                ReportSection(
                    heading: "Binaries on \(day)",
                    items: DossierBinaryLines.lines(dossier.summary.binaries),
                    whenEmpty: "No artifact, expectation or rebuild recorded."),
                ReportSection(
                    heading: "Timeline", items: dossier.timeline.map(timelineLine),
                    whenEmpty: "Nothing recorded on or before \(day)."),
            ]
        )
    }

    private static func restrictionLines(_ group: JurisdictionRestrictions) -> [String] {
        group.events.map { event in
            let certainty = event.inForce == .possibly ? "possibly in force: " : ""
            let by = event.authority.map { " by \($0)" } ?? ""
            let program = event.program.map { ", \($0)" } ?? ""
            let path = (event.path ?? []).joined(separator: " → ")
            let relation: String
            switch event.relation {
            case .own: relation = ""
            case .inherited: relation = " — inherited via \(path)"
            case .affiliate: relation = " — affecting an affiliate: \(path)"
            }
            return "\(group.jurisdiction) (\(group.jurisdictionName)): \(certainty)\(event.type.label)\(by)\(program)"
                + ", since \((event.effectiveFrom ?? event.announcedOn))\(relation) [event #\(event.id)]"
        }
    }

    private static func certificationLine(_ cert: DossierCertification) -> String {
        let level = cert.level.map { " \($0)" } ?? ""
        let number = cert.number.map { " \($0)" } ?? ""
        let issuer = cert.issuer.map { ", \($0)" } ?? ""
        let until = cert.validUntil.map { ", valid until \($0)" } ?? ""
        let registry = cert.registry.map { ", registry: " + $0.map(\.rawValue).joined(separator: ", ") } ?? ""
        return "\(cert.schemeTitle)\(level)\(number)\(issuer)\(until): \(cert.validity.rawValue)\(registry)"
            + " [certification #\(cert.id)]"
    }

    private static func reconciliationLine(_ finding: ReconciliationFinding) -> String {
        "\(finding.outcome.rawValue): \(finding.message) [certification #\(finding.certificationId)]"
    }

    /// An offer's line, then one line per deposit under it.
    private static func escrowLines(_ offer: DossierEscrowOffer) -> [String] {
        let via = offer.agent.map { " via \($0)" } ?? ""
        let offered = offer.offeredOn.map { ", offered \($0)" } ?? ""
        let deposits = offer.deposits.isEmpty ? "no deposit" : "\(offer.deposits.count) deposit(s)"
        return ["\(offer.kind.rawValue) offer\(via)\(offered): \(deposits) [offer #\(offer.id)]"]
            + offer.deposits.map { deposit in
                let verified =
                    deposit.lastVerification.map { run in
                        "last verified \(run.verifiedAt.prefix(10)): \(run.outcome.rawValue)"
                            + (run.error.map { " (\($0))" } ?? "") + ", \(deposit.verificationRuns) run(s)"
                    } ?? "never verified"
                return "deposit \(deposit.label ?? "unlabelled") of \(deposit.depositedAt.prefix(10)) under offer "
                    + "#\(offer.id): "
                    + "\(deposit.files) files, \(deposit.bytes) bytes, bundle \(deposit.bundleDigest.prefix(16))…; "
                    + "\(verified) [deposit #\(deposit.id)]"
            }
    }

    private static func timelineLine(_ entry: DossierEntry) -> String {
        "\(entry.date)  \(entry.title)"
    }
}
