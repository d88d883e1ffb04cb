import ArgumentParser
import AssayCore
import AssayStore

/// `assay log [list]`
struct LogList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List audit-log entries, oldest first.")

    @Option(help: "Only entries about this vendor (name, alias or id).")
    var vendor: String?

    @Option(help: ArgumentHelp("Only entries recorded on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: "Only the most recent N entries.")
    var limit: Int?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        var filter = LogFilter()
        filter.vendor = vendor
        filter.since = try convert("--since", since, CalendarDate.init(iso:))
        filter.limit = limit
        let entries = try store.open(.readOnly).logEntries(filter)
        try Output.emit(entries.map(LogEntryOutput.init), format: output.format) {
            var table = TextTable("SEQ", "RECORDED AT", "ACTOR", "ACTION", "ENTITY", "HASH")
            for entry in entries {
                table.add(
                    "\(entry.seq)", entry.recordedAt, entry.actor, entry.action,
                    "\(entry.entity) \(entry.entityId)", String(entry.hash.prefix(16)))
            }
            return table
        }
    }
}

/// A log entry for JSON output, with its change as a JSON object rather than text.
struct LogEntryOutput: Encodable {
    let entry: LogEntry

    enum CodingKeys: String, CodingKey {
        case seq, recordedAt, actor, action, entity, entityId, vendorId, change, rows, prevHash, hash
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entry.seq, forKey: .seq)
        try container.encode(entry.recordedAt, forKey: .recordedAt)
        try container.encode(entry.actor, forKey: .actor)
        try container.encode(entry.action, forKey: .action)
        try container.encode(entry.entity, forKey: .entity)
        try container.encode(entry.entityId, forKey: .entityId)
        try container.encode(entry.vendorId, forKey: .vendorId)
        try container.encode(JSONValue(text: entry.change) ?? .string(entry.change), forKey: .change)
        try container.encode(entry.rows, forKey: .rows)
        try container.encode(entry.prevHash, forKey: .prevHash)
        try container.encode(entry.hash, forKey: .hash)
    }
}
