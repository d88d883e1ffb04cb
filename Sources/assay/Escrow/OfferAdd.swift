import ArgumentParser
import AssayCore
import AssayStore

/// `assay escrow offer add VENDOR`
struct OfferAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record a vendor's offer of its source code.",
        discussion: """
            Example: assay escrow offer add ZTE --kind customer-review --agent "ZTE Rome cybersecurity lab" \
            --terms "source-code review for customers and regulators" --offered-on 2019-05-21 --source https://…
            """
    )

    @Argument(help: "The vendor's name, alias or id.")
    var vendor: String

    @Option(help: "agent-deposit, regulator-review or customer-review.")
    var kind: String

    @Option(help: "The escrow agent, or who reviews the code.")
    var agent: String?

    @Option(help: "The terms offered.")
    var terms: String?

    @Option(help: ArgumentHelp("When the offer was made.", valueName: "YYYY-MM-DD"))
    var offeredOn: String?

    @Option(help: "Where the offer is documented (a URL).")
    var source: String?

    @Option(help: "Free-text notes.")
    var notes: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        var draft = EscrowOfferDraft(
            vendor: vendor,
            kind: try convert("--kind") { () throws(ValueError) in
                try EscrowOfferKind(parsing: kind)
            })
        draft.agent = agent
        draft.terms = terms
        draft.offeredOn = try convert("--offered-on", offeredOn, CalendarDate.init(iso:))
        draft.source = source
        draft.notes = notes
        let offer = try store.open().addEscrowOffer(draft)
        if output.format == .table {
            Output.line("Added escrow offer #\(offer.id): \(offer.vendor.name), \(offer.kind.rawValue)")
        } else {
            try OfferShow.emit(offer, format: output.format)
        }
    }
}
