import ArgumentParser
import AssayStore

/// `assay export events`
struct ExportEvents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Write every market-access event to stdout in the import format.",
        discussion: "Example: assay export events --format json > events.json"
    )

    /// The file formats of the event file.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Option(help: "csv or json.")
    var format: Format = .csv

    @OptionGroup var store: StoreOptions

    func run() throws {
        let events = try store.open(.readOnly).events()
        switch format {
        case .csv: Output.write(EventFile.csv(events))
        case .json: Output.write(try EventFile.json(events))
        }
    }
}
