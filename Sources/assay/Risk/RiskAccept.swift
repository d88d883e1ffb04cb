import ArgumentParser
import AssayAudit
import AssayCore
import AssayWorkflows

/// `assay risk accept FINDING-ID --owner NAME --until DATE --reason TEXT [--ticket REF]`
struct RiskAccept: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Accept a finding as a risk until a day.",
        discussion: """
            The acceptance starts today. It is refused when the policy allows no acceptance that long for the \
            finding's severity (the severity in the latest recorded audit run, else the policy's for its kind), \
            or while another acceptance of the finding runs (revoke it first). A finding that the latest recorded \
            run did not report is accepted with a warning on stderr: check the id.
            Example: assay risk accept market-restriction:vendor-3-event-9 --owner "J. Doe" --until 2027-03-01 \
            --reason "replacement contracted, deployment by Q1" --ticket SEC-142
            """
    )

    @Argument(help: ArgumentHelp("The finding's stable id, as audit reports give it.", valueName: "finding-id"))
    var findingId: String

    @Option(help: "Who owns the risk.")
    var owner: String

    @Option(help: ArgumentHelp("The last day the finding is accepted.", valueName: "YYYY-MM-DD"))
    var until: String

    @Option(help: "Why the risk is accepted.")
    var reason: String

    @Option(help: "A ticket or change reference.")
    var ticket: String?

    @Option(
        help: ArgumentHelp(
            "The policy whose longest acceptance applies (default: the built-in policy).", valueName: "file"))
    var policy: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let request = RiskAcceptanceRequest(
            findingId: findingId, owner: owner, reason: reason, ticket: ticket, acceptedOn: .today,
            until: try convert("--until") { () throws(ValueError) in try CalendarDate(iso: until) })
        let outcome = try request.record(in: try store.open(), policyFile: policy)
        if let warning = outcome.warning { Output.note("assay: warning: \(warning)") }
        let acceptance = outcome.acceptance
        if output.format == .table {
            Output.line(
                "Accepted risk #\(acceptance.id): \(acceptance.findingId) until \(acceptance.until) "
                    + "(owner \(acceptance.owner))")
        } else {
            try RiskShow.emit(acceptance, format: output.format)
        }
    }
}
