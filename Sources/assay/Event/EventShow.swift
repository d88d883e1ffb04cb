import ArgumentParser
import AssayStore

/// `assay event show ID`
struct EventShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one market-access event.")

    @Argument(help: "The event's id.")
    var id: Int64

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        try Self.emit(try store.open(.readOnly).event(id), format: output.format)
    }

    static func emit(_ event: MarketEvent, format: OutputFormat) throws {
        try Output.emitRecord(
            event, format: format,
            fields: [
                ("id", "\(event.id)"),
                ("vendor", "\(event.vendor.name) (#\(event.vendor.id))"),
                (
                    "affiliates",
                    event.appliesToAffiliates ? "the event extends to subsidiaries and affiliates" : "not extended"
                ),
                ("jurisdiction", "\(event.jurisdiction) (\(event.jurisdiction.name))"),
                ("authority", event.authority),
                ("type", event.type.rawValue),
                ("program", event.program),
                ("scope", event.scope),
                ("announced on", event.announcedOn.description),
                ("effective", Self.period(event)),
                ("status", event.status.rawValue),
                ("source", event.sourceUrl),
                ("source record", event.sourceRecordId),
                ("notes", event.notes),
                ("created", event.createdAt),
                ("updated", event.updatedAt),
            ])
    }

    /// `FROM .. TO` with open ends shown as such.
    static func period(_ event: MarketEvent) -> String? {
        guard event.effectiveFrom != nil || event.effectiveTo != nil else { return nil }
        return "\(event.effectiveFrom?.description ?? "(from announcement)") .. \(event.effectiveTo?.description ?? "")"
    }
}
