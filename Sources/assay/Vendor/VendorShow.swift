import ArgumentParser
import AssayStore

/// `assay vendor show VENDOR`
struct VendorShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one vendor.")

    @Argument(help: "The vendor's name, alias or id.")
    var vendor: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        try Self.emit(try store.open(.readOnly).vendor(vendor), format: output.format)
    }

    static func emit(_ vendor: VendorDetails, format: OutputFormat) throws {
        try Output.emitRecord(
            vendor, format: format,
            fields: [
                ("id", "\(vendor.id)"),
                ("name", vendor.name),
                ("aliases", vendor.aliases.joined(separator: "; ")),
                ("country", vendor.country.map { "\($0.code) (\($0.name))" }),
                ("identifiers", vendor.identifiers.map(\.description).joined(separator: "; ")),
                ("website", vendor.website),
                ("parent", vendor.parent.map { "\($0.name) (#\($0.id), \($0.link?.rawValue ?? "subsidiary"))" }),
                ("affiliates", vendor.affiliates.map { "\($0.name) (#\($0.id))" }.joined(separator: "; ")),
                ("relationship", vendor.relationship.rawValue),
                ("tier", vendor.tier.map(String.init)),
                ("notes", vendor.notes),
                ("created", vendor.createdAt),
                ("updated", vendor.updatedAt),
            ])
    }
}
