import ArgumentParser
import AssayCore
import AssayStore

/// `assay cert add VENDOR --scheme S …`
struct CertAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register a certification a vendor holds or claims.",
        discussion: """
            Example: assay cert add ZTE --scheme iso27001 --number 12345 --issuer BSI \
            --issued-on 2024-01-01 --valid-until 2027-01-01
            Levels: cc EAL1-EAL7 (+ when augmented), eucc substantial|high, fips140-2/3 1-4, soc2 I|II \
            (Type II needs --audit-period), csa-star 1|2.
            """
    )

    @Argument(help: "The vendor's name, alias or id.")
    var vendor: String

    @Option(
        help: "The scheme: iso27001, cc, eucc, fips140-2, fips140-3, soc2, csa-star, nesas, x509, or a custom name.",
        completion: .schemes)
    var scheme: String

    @Option(help: "The certificate number.")
    var number: String?

    @Option(help: "The issuer or certification body.")
    var issuer: String?

    @Option(help: "The evaluation laboratory.")
    var lab: String?

    @Option(help: "The certified scope.")
    var scope: String?

    @Option(help: ArgumentHelp("First day of validity.", valueName: "YYYY-MM-DD"))
    var issuedOn: String?

    @Option(help: ArgumentHelp("Last day of validity.", valueName: "YYYY-MM-DD"))
    var validUntil: String?

    @Option(help: "Scheme level: EAL4+, 2, II, substantial…")
    var level: String?

    @Option(help: "A Common Criteria augmentation such as ALC_FLR.2 (repeatable).")
    var augmentation: [String] = []

    @Option(help: ArgumentHelp("SOC 2 audit period.", valueName: "FROM..TO"))
    var auditPeriod: String?

    @Option(help: "The certified product (created under the vendor if new).")
    var product: String?

    @Option(name: .customLong("version"), help: "A product version the certification covers (repeatable).")
    var versions: [String] = []

    @Option(help: "Initial status: active, suspended, withdrawn, revoked.")
    var status: String = "active"

    @Option(help: "Free-text notes.")
    var notes: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if !versions.isEmpty && product == nil {
            throw ValidationError("--version needs --product: name the product whose versions are covered")
        }
    }

    func run() throws {
        var draft = CertificationDraft(
            vendor: vendor,
            scheme: try convert("--scheme") { () throws(ValueError) in
                try CertificationScheme(scheme)
            })
        draft.number = number
        draft.issuer = issuer
        draft.lab = lab
        draft.scope = scope
        draft.issuedOn = try convert("--issued-on", issuedOn, CalendarDate.init(iso:))
        draft.validUntil = try convert("--valid-until", validUntil, CalendarDate.init(iso:))
        draft.level = level
        draft.augmentations = augmentation
        draft.auditPeriod = try convert("--audit-period", auditPeriod, DateRange.parse)
        draft.product = product
        draft.coveredVersions = versions
        draft.notes = notes
        draft.status = try convert("--status") { () throws(ValueError) in try CertificationStatus(parsing: status) }
        let added = try store.open().addCertification(draft)
        if output.format == .table {
            Output.line(
                "Added certification #\(added.id): \(added.vendor.name) \(added.schemeTitle)"
                    + "\(added.number.map { " \($0)" } ?? "")")
        } else {
            try CertShow.emit(added, format: output.format)
        }
    }
}

/// `FROM..TO` day ranges.
enum DateRange {
    static func parse(_ text: String) throws(ValueError) -> ClosedRange<CalendarDate> {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2 else { throw ValueError.invalidDate(text) }
        let from = try CalendarDate(iso: parts[0])
        let to = try CalendarDate(iso: parts[1])
        guard from <= to else { throw ValueError.invalidDate(text) }
        return from...to
    }
}
