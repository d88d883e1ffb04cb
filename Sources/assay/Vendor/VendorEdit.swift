import ArgumentParser
import AssayStore
import AssayWorkflows

/// `assay vendor edit VENDOR`
struct VendorEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a vendor's name, aliases, identifiers, parent or other fields.",
        discussion: "Only the fields given change; an empty --website or --notes clears it."
    )

    @Argument(help: "The vendor's name, alias or id.")
    var vendor: String

    @Option(help: "A new primary name.")
    var name: String?

    @Option(help: "Add an alias (repeatable).")
    var addAlias: [String] = []

    @Option(help: "Remove an alias (repeatable).")
    var removeAlias: [String] = []

    @Option(help: ArgumentHelp("Add a legal identifier KIND=VALUE (repeatable).", valueName: "kind=value"))
    var addId: [String] = []

    @Option(help: ArgumentHelp("Remove a legal identifier KIND=VALUE (repeatable).", valueName: "kind=value"))
    var removeId: [String] = []

    @Flag(help: "Detach the vendor from its parent.")
    var noParent = false

    @OptionGroup var fields: VendorFields
    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if noParent && fields.parent != nil {
            throw ValidationError("--no-parent and --parent contradict each other; give one of them")
        }
    }

    func run() throws {
        var changes = VendorChanges()
        changes.name = name
        changes.addAliases = addAlias
        changes.removeAliases = removeAlias
        changes.addIdentifiers = try parseIdentifiers("--add-id", addId) + [try fields.parsedLEI].compactMap { $0 }
        changes.removeIdentifiers = try parseIdentifiers("--remove-id", removeId)
        changes.country = try fields.parsedCountry
        changes.website = fields.website
        changes.parent = fields.parent
        changes.clearParent = noParent
        changes.parentLink = try fields.parsedParentLink
        changes.relationship = try fields.parsedRelationship
        changes.tier = fields.tier
        changes.notes = fields.notes
        let saved = try VendorRecords.edit(vendor, changes, in: try store.open())
        let updated = saved.vendor
        if output.format == .table {
            Output.line("Updated vendor #\(updated.id) \(updated.name)")
            RegistryLinkLines.write(saved.registryLinks, vendor: updated)
        } else {
            try VendorShow.emit(updated, format: output.format)
        }
    }
}
