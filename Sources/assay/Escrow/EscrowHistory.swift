import ArgumentParser
import AssayWorkflows

/// `assay escrow history VENDOR | --offer ID`
struct EscrowHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List a vendor's (or one offer's) offers, deposits and verification runs in time order."
    )

    @Argument(help: "The vendor's name, alias or id.")
    var vendor: String?

    @Option(help: "Only this offer.")
    var offer: Int64?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if (vendor == nil) == (offer == nil) { throw ValidationError("give either VENDOR or --offer ID") }
    }

    func run() throws {
        let events = try EscrowTimeline.events(vendor: vendor, offer: offer, in: try store.open(.readOnly))
        try Output.emit(events, format: output.format) {
            var table = TextTable("WHEN", "WHAT", "ID", "DETAIL")
            for event in events { table.add(event.at, event.kind, "\(event.id)", event.detail) }
            return table
        }
    }
}
