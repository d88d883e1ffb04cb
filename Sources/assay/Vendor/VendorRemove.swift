import ArgumentParser
import AssayStore

/// `assay vendor remove VENDOR`
struct VendorRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a vendor that has no certifications or affiliates.",
        discussion: "The removal is kept in the audit log with the vendor's last state."
    )

    @Argument(help: "The vendor's name, alias or id.")
    var vendor: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        try store.open().removeVendor(vendor)
        Output.line("Removed vendor \(vendor)")
    }
}
