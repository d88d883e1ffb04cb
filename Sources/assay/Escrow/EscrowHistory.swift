import ArgumentParser
import AssayStore

/// `assay escrow history VENDOR | --offer ID`
struct EscrowHistory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List a vendor's (or one offer's) offers, deposits and verification runs in time order."
    )

    @Argument(help: "The vendor's name, alias or id.")
    var vendor: String?

    @Option(help: "Only this offer.")
    var offer: Int64?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if (vendor == nil) == (offer == nil) { throw ValidationError("give either VENDOR or --offer ID") }
    }

    func run() throws {
        let opened = try store.open(.readOnly)
        let offers = try offer.map { [try opened.escrowOffer($0)] } ?? opened.escrowOffers(vendor: vendor)
        var rows: [EscrowEvent] = []
        for item in offers {
            rows.append(
                EscrowEvent(
                    at: item.offeredOn?.description ?? item.createdAt, kind: "offer", id: item.id,
                    detail: "\(item.vendor.name): \(item.kind.rawValue)" + (item.agent.map { " via \($0)" } ?? "")))
            for deposit in try opened.escrowDeposits(offer: item.id) {
                rows.append(
                    EscrowEvent(
                        at: deposit.depositedAt, kind: "deposit", id: deposit.id,
                        detail: "\(deposit.label ?? "unlabelled"): \(deposit.files) files, "
                            + "\(deposit.bytes) bytes, bundle \(deposit.bundleDigest.prefix(16))…"))
                for run in try opened.verifications(deposit: deposit.id) {
                    rows.append(
                        EscrowEvent(
                            at: run.verifiedAt, kind: "verification", id: run.id,
                            detail: "deposit #\(deposit.id) \(run.outcome.rawValue) by \(run.actor)"
                                + (run.error.map { ": \($0)" } ?? "")))
                }
            }
        }
        rows.sort { $0.at < $1.at }
        try Output.emit(rows, format: output.format) {
            var table = TextTable("WHEN", "WHAT", "ID", "DETAIL")
            for row in rows { table.add(row.at, row.kind, "\(row.id)", row.detail) }
            return table
        }
    }
}

/// One line of an escrow history.
struct EscrowEvent: Codable {
    var at: String
    var kind: String
    var id: Int64
    var detail: String
}
