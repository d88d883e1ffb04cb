import ArgumentParser
import AssayCore
import AssayStore

/// `assay vendor list`
struct VendorList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List vendors.")

    @Option(help: "Only vendors of this country (ISO 3166-1 alpha-2).")
    var country: String?

    @Option(help: "Only vendors with this relationship: supplier, prospect, former, monitored.")
    var relationship: String?

    @Option(help: "Only vendors of this tier (1-4).")
    var tier: Int?

    @Option(help: ArgumentHelp("Only this vendor (name, alias or id) and its affiliates.", valueName: "vendor"))
    var under: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        var filter = VendorFilter()
        filter.country = try convert("--country", country, CountryCode.init(text:))
        filter.relationship = try convert("--relationship", relationship, VendorRelationship.init(parsing:))
        filter.tier = tier
        filter.under = under
        let vendors = try store.open(.readOnly).vendors(filter)
        try Output.emit(vendors, format: output.format) {
            var table = TextTable("ID", "NAME", "COUNTRY", "RELATIONSHIP", "TIER", "PARENT", "ALIASES")
            for vendor in vendors {
                table.add(
                    "\(vendor.id)", vendor.name, vendor.country?.code, vendor.relationship.rawValue,
                    vendor.tier.map(String.init), vendor.parent?.name, vendor.aliases.joined(separator: "; ")
                )
            }
            return table
        }
    }
}
