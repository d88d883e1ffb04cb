import ArgumentParser
import AssayCore
import AssayStore

/// `assay event edit ID …`
struct EventEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a market-access event's fields.",
        discussion: """
            Only the fields given change; an empty value clears an optional one (--effective-to "").
            Example: assay event edit 4 --status lifted --effective-to 2018-07-13
            """
    )

    @Argument(help: "The event's id.")
    var id: Int64

    @Option(help: "Move the event to another vendor (name, alias or id).")
    var vendor: String?

    @OptionGroup var fields: EventFields
    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let values = try fields.parsed()
        let event = try store.open().editEvent(id) { draft in
            if let vendor { draft.vendor = vendor }
            values.apply(to: &draft)
        }
        if output.format == .table {
            Output.write("Updated event #\(event.id)\n")
        } else {
            try EventShow.emit(event, format: output.format)
        }
    }
}
