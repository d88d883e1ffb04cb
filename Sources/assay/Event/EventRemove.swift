import ArgumentParser
import AssayStore

/// `assay event remove ID`
struct EventRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a market-access event.",
        discussion: "The removal is kept in the audit log with the event's last state."
    )

    @Argument(help: "The event's id.")
    var id: Int64

    @OptionGroup var store: StoreOptions

    func run() throws {
        try store.open().removeEvent(id)
        Output.write("Removed event #\(id)\n")
    }
}
