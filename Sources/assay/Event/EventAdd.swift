import ArgumentParser
import AssayCore
import AssayStore

/// `assay event add VENDOR --type T --jurisdiction J --announced-on DATE …`
struct EventAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record a market-access event.",
        discussion: """
            Example: assay event add Huawei --type entity-list-listing --jurisdiction US --announced-on 2019-05-16 \
            --authority "US Department of Commerce BIS" --program "Entity List" --applies-to-affiliates
            """
    )

    @Argument(help: "The vendor's name, alias or id.")
    var vendor: String

    @OptionGroup var fields: EventFields
    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        for (flag, value) in [
            ("--type", fields.type), ("--jurisdiction", fields.jurisdiction),
            ("--announced-on", fields.announcedOn),
        ] where value == nil {
            throw ValidationError("\(flag) is required to record an event")
        }
    }

    func run() throws {
        let values = try fields.parsed()
        guard let type = values.type, let jurisdiction = values.jurisdiction, let announcedOn = values.announcedOn
        else {
            throw ValidationError("--type, --jurisdiction and --announced-on are required to record an event")
        }
        var draft = MarketEventDraft(vendor: vendor, type: type, jurisdiction: jurisdiction, announcedOn: announcedOn)
        values.apply(to: &draft)
        let event = try store.open().addEvent(draft)
        if output.format == .table {
            Output.line(
                "Added event #\(event.id): \(event.vendor.name) \(event.jurisdiction) \(event.type.rawValue)"
                    + " \(event.announcedOn)")
        } else {
            try EventShow.emit(event, format: output.format)
        }
    }
}
