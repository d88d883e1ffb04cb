import ArgumentParser
import AssayStore
import AssayWorkflows

/// `assay vendor add NAME`
struct VendorAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register a vendor.",
        discussion: "Example: assay vendor add ZTE --country CN --alias \"ZTE Corporation\""
    )

    @Argument(help: "The vendor's name (unique, case-insensitive).")
    var name: String

    @Option(name: .customLong("alias"), help: "Another name the vendor is known by (repeatable).")
    var aliases: [String] = []

    @Option(
        name: .customLong("id"),
        help: ArgumentHelp("A legal identifier as KIND=VALUE (repeatable).", valueName: "kind=value"))
    var identifiers: [String] = []

    @OptionGroup var fields: VendorFields
    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        var draft = VendorDraft(name: name)
        draft.aliases = aliases
        draft.country = try fields.parsedCountry
        draft.identifiers = try parseIdentifiers("--id", identifiers) + [try fields.parsedLEI].compactMap { $0 }
        draft.website = fields.website
        draft.parent = fields.parent
        draft.parentLink = try fields.parsedParentLink
        draft.relationship = try fields.parsedRelationship ?? .monitored
        draft.tier = fields.tier
        draft.notes = fields.notes
        let saved = try VendorRecords.add(draft, in: try store.open())
        let vendor = saved.vendor
        if output.format == .table {
            Output.line("Added vendor #\(vendor.id) \(vendor.name)\(vendor.country.map { " (\($0))" } ?? "")")
            RegistryLinkLines.write(saved.registryLinks, vendor: vendor)
        } else {
            try VendorShow.emit(vendor, format: output.format)
        }
    }
}
