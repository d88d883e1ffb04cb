import ArgumentParser
import AssayWorkflows

/// `assay vendor remove VENDOR`
struct VendorRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a vendor that has no certifications or affiliates.",
        discussion:
            "The removal is kept in the audit log with the vendor's last state; --format json prints that state."
    )

    @Argument(help: "The vendor's name, alias or id.")
    var vendor: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let removed = try VendorRecords.remove(vendor, in: try store.open())
        if output.format == .table {
            Output.line("Removed vendor \(vendor)")
        } else {
            try VendorShow.emit(removed, format: output.format)
        }
    }
}
