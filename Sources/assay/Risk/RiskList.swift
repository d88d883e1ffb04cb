import ArgumentParser
import AssayCore
import AssayStore

/// `assay risk list [--expired] [--vendor V]`
struct RiskList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List risk acceptances, oldest first, with their state on a day.",
        discussion: """
            States: pending (accepted after the day), active, expired (past its last day: the finding counts \
            again), revoked. Revoked acceptances are left out unless --all is given. The audit also ends an \
            acceptance at the policy's limit for the finding's severity, which this list does not know.
            """
    )

    @Flag(help: "Only acceptances past their last day (and not revoked).")
    var expired = false

    @Flag(help: "Revoked acceptances too.")
    var all = false

    @Option(help: "Only acceptances of this vendor's findings (name, alias or id).")
    var vendor: String?

    @Option(help: ArgumentHelp("Take the states on this day (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if expired && all { throw ValidationError("--expired lists no revoked acceptance: leave out --all") }
    }

    func run() throws {
        var filter = RiskAcceptanceFilter(day: try convert("--as-of", asOf, CalendarDate.init(iso:)) ?? .today)
        filter.vendor = vendor
        if expired {
            filter.states = [.expired]
        } else if !all {
            filter.states = [.pending, .active, .expired]
        }
        let acceptances = try store.open(.readOnly).riskAcceptances(filter)
        try Output.emit(acceptances, format: output.format) {
            var table = TextTable(
                "ID", "FINDING", "VENDOR", "SEVERITY", "OWNER", "ACCEPTED", "UNTIL", "STATE", "TICKET")
            for acceptance in acceptances {
                table.add(
                    "\(acceptance.id)", acceptance.findingId, acceptance.vendor?.name, acceptance.severity.rawValue,
                    acceptance.owner, acceptance.acceptedOn.description, acceptance.until.description,
                    acceptance.state(on: filter.day).rawValue, acceptance.ticket)
            }
            return table
        }
    }
}
