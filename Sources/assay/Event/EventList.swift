import ArgumentParser
import AssayCore
import AssayStore

/// `assay event list`
struct EventList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List market-access events, oldest first.",
        discussion: """
            With --vendor, also lists events inherited from its parents (when they extend to affiliates) and \
            events naming its subsidiaries and affiliates, with the path that links them. IN FORCE says whether \
            each event is in force on the --as-of day (yes, possibly or no); --in-force keeps only those that \
            are, certainly or possibly. --active-on DAY, the older spelling, is --as-of DAY --in-force.
            Example: assay event list --vendor "Huawei Device Co., Ltd." --as-of 2020-01-01 --in-force
            """
    )

    @Option(help: "Only events bearing on this vendor (name, alias or id), affiliates included.")
    var vendor: String?

    @Option(help: "Only this jurisdiction (ISO 3166-1 alpha-2, or EU, EEA).")
    var jurisdiction: String?

    @Option(help: "Only this event type.", completion: .eventTypes)
    var type: String?

    @Option(help: "Only this status: active, lifted, expired, disputed.")
    var status: String?

    @Option(
        help: ArgumentHelp("Say which events are in force on this day (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Flag(help: "Only events in force, certainly or possibly, on the --as-of day.")
    var inForce = false

    @Option(help: ArgumentHelp("The same as --as-of DAY --in-force (older spelling).", valueName: "YYYY-MM-DD"))
    var activeOn: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let activeOn, let asOf, activeOn != asOf {
            throw ValidationError(
                "--active-on \(activeOn) is --as-of \(activeOn) --in-force: give one day, with --as-of and --in-force")
        }
    }

    func run() throws {
        var filter = MarketEventFilter()
        filter.vendor = vendor
        filter.jurisdiction = try convert("--jurisdiction", jurisdiction, Jurisdiction.init(text:))
        filter.type = try convert("--type", type, MarketEventType.init(parsing:))
        filter.status = try convert("--status", status, MarketEventStatus.init(parsing:))
        filter.asOf =
            try convert("--as-of", asOf, CalendarDate.init(iso:))
            ?? convert("--active-on", activeOn, CalendarDate.init(iso:)) ?? .today
        filter.inForceOnly = inForce || activeOn != nil
        let events = try store.open(.readOnly).events(filter)
        try Output.emit(events, format: output.format) {
            var table = TextTable("ID", "ANNOUNCED", "VENDOR", "JURISDICTION", "TYPE", "STATUS", "IN FORCE", "VIA")
            for event in events {
                table.add(
                    "\(event.id)", event.announcedOn.description, event.vendor.name, event.jurisdiction.code,
                    event.type.rawValue, event.status.rawValue, event.inForce?.rawValue,
                    event.path.map { "\(event.relation.rawValue): \($0.joined(separator: " → "))" }
                )
            }
            return table
        }
    }
}
