import ArgumentParser
import AssayStore

/// `assay import events FILE`
struct ImportEvents: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Import market-access events from a .csv or .json file.",
        discussion: """
            Columns (CSV header) or keys (JSON objects): vendor, appliesToAffiliates, jurisdiction, authority, \
            type, program, scope, announcedOn, effectiveFrom, effectiveTo, status, sourceUrl, sourceRecordId, \
            notes; vendor, type, jurisdiction and announcedOn are required (Schemas/events-import.schema.json). \
            A row is the same event as a recorded one when the source record ids match, or, without one, when \
            vendor, type, jurisdiction and announcedOn match.
            """
    )

    @Argument(help: "The file: .json for JSON, anything else is read as CSV.")
    var file: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let opened = try store.open()
        let summary = try ProgressMeter.run("importing", unit: "rows") { meter in
            try opened.importEvents(from: file, progress: meter?.handler)
        }
        try Output.emit(summary, format: output.format)
    }
}
