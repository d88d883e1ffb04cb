import ArgumentParser
import AssayCore
import AssayStore

/// `assay cert list`
struct CertList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List certifications, soonest expiry first.",
        discussion: "Example: assay cert list --expiring-within 90d --as-of 2026-12-01 --format json"
    )

    @Option(help: "Only this vendor's certifications (name, alias or id).")
    var vendor: String?

    @Option(help: "Only this scheme.", completion: .schemes)
    var scheme: String?

    @Option(help: "Only this recorded status: active, suspended, withdrawn, revoked.")
    var status: String?

    @Option(help: "Only this derived validity: valid, not-yet-valid, expired, suspended, withdrawn, revoked.")
    var validity: String?

    @Option(
        help: ArgumentHelp(
            "Only active certifications whose last day falls within this span (90d, 12w, 6m, 1y).",
            valueName: "span"))
    var expiringWithin: String?

    @Option(help: ArgumentHelp("Derive validity as of this day (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        var filter = CertificationFilter()
        filter.vendor = vendor
        filter.scheme = try convert("--scheme", scheme, CertificationScheme.init(text:))
        filter.status = try convert("--status", status, CertificationStatus.init(parsing:))
        filter.validity = try convert("--validity", validity) { (text) throws(ValueError) in
            guard let value = Validity(rawValue: text.lowercased()) else {
                throw ValueError.invalidEnumValue(
                    field: "validity", value: text,
                    allowed: ["valid", "not-yet-valid", "expired", "suspended", "withdrawn", "revoked"])
            }
            return value
        }
        filter.expiringWithin = try convert("--expiring-within", expiringWithin, DaySpan.init(parsing:))
        filter.asOf = try convert("--as-of", asOf, CalendarDate.init(iso:)) ?? .today
        let certifications = try store.open(.readOnly).certifications(filter)
        try Output.emit(certifications, format: output.format) {
            var table = TextTable(
                "ID", "VENDOR", "SCHEME", "LEVEL", "NUMBER", "ISSUER", "VALID UNTIL", "DAYS", "VALIDITY")
            for cert in certifications {
                table.add(
                    "\(cert.id)", cert.vendor.name, cert.scheme.id, cert.level, cert.number, cert.issuer,
                    cert.validUntil?.description, cert.daysRemaining.map(String.init), cert.validity.rawValue
                )
            }
            return table
        }
    }
}
