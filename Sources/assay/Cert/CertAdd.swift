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
            A scheme outside the catalogue needs --custom-scheme NAME, so that a typo in --scheme is never \
            recorded as a new scheme.
            Levels: cc EAL1-EAL7 (+ when augmented), eucc substantial|high, fips140-2/3 1-4, soc2 I|II \
            (Type II needs --audit-period), csa-star 1|2.
            """
    )

    @Argument(help: "The vendor's name, alias or id.")
    var vendor: String

    @OptionGroup var fields: CertificationFields
    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if fields.scheme.scheme == nil && fields.scheme.customScheme == nil {
            throw ValidationError("give the scheme: --scheme iso27001 (or cc, soc2, …), or --custom-scheme NAME")
        }
        if !fields.versions.isEmpty && fields.product == nil {
            throw ValidationError("--version needs --product: name the product whose versions are covered")
        }
    }

    func run() throws {
        let values = try fields.parsed()
        guard let scheme = values.scheme else {
            throw ValidationError("give --scheme or --custom-scheme")
        }
        var draft = CertificationDraft(vendor: vendor, scheme: scheme)
        values.apply(to: &draft)
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
