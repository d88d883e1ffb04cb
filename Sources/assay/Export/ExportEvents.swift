import ArgumentParser
import AssayWorkflows

/// `assay export events`
struct ExportEvents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Write every market-access event to stdout in the import format.",
        discussion: "Example: assay export events --format json > events.json"
    )

    @Option(help: "csv or json.")
    var format: RecordExport.Format = .csv

    @OptionGroup var store: StoreOptions

    func run() throws {
        Output.write(try RecordExport.events(in: try store.open(.readOnly), format: format))
    }
}

extension RecordExport.Format: ExpressibleByArgument {}
