import ArgumentParser
import AssayAudit
import AssayCore
import AssayStore

/// `assay vendor dossier VENDOR`
struct VendorDossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Everything known about a vendor on one timeline, and the state of things on a day.",
        discussion: """
            Certifications (issued, status changes, expiry; each with its registry reconciliation outcome), \
            market-access events (including those inherited from parents and those affecting affiliates, with the \
            path that links them), escrow offers, deposits and verification runs, and registry reconciliation \
            outcomes (dated by the registry import they rest on), on one timeline and in the summary of the day. \
            --as-of is the day whose state is described, from everything recorded so far; --known-on counts only \
            the records made by the end of a day (offers from their offer date; deposits and runs when recorded; \
            registry records whose last import came by then), so '--as-of D --known-on D' answers "what did we \
            know, and what was in force, on D". JSON follows Schemas/dossier.schema.json.
            """
    )

    /// The dossier's output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, md, json, html
    }

    @Argument(help: "The vendor's name, alias or id.")
    var vendor: String

    @Option(help: ArgumentHelp("The day whose state to describe (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(
        help: ArgumentHelp(
            "Count only records made by the end of this day (default: today, so every record).",
            valueName: "YYYY-MM-DD"))
    var knownOn: String?

    @Option(help: "Output format: text, md, json or html.")
    var format: Format = .text

    @OptionGroup var store: StoreOptions

    func run() throws {
        let day = try convert("--as-of", asOf, CalendarDate.init(iso:)) ?? .today
        let known = try convert("--known-on", knownOn, CalendarDate.init(iso:))
        let dossier = try store.open(.readOnly).dossier(vendor, asOf: day, knownOn: known)
        switch format {
        case .json: try Output.json(dossier)
        case .text: Output.text(TextRenderer.render(DossierOutline.document(dossier)))
        case .md: Output.text(MarkdownRenderer.render(DossierOutline.document(dossier)))
        case .html: Output.write(HTMLRenderer.render(DossierOutline.document(dossier)))
        }
    }
}
