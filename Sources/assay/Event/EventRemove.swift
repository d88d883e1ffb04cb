import ArgumentParser
import AssayWorkflows

/// `assay event remove ID`
struct EventRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a market-access event.",
        discussion: "The removal is kept in the audit log with the event's last state; --format json prints that state."
    )

    @Argument(help: "The event's id.")
    var id: Int64

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let removed = try EventRecords.remove(id, in: try store.open())
        if output.format == .table {
            Output.write("Removed event #\(id)\n")
        } else {
            try EventShow.emit(removed, format: output.format)
        }
    }
}
