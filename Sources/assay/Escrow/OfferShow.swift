import ArgumentParser
import AssayStore

/// `assay escrow offer show ID`
struct OfferShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one escrow offer.")

    @Argument(help: "The offer's id.")
    var id: Int64

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        try Self.emit(try store.open(.readOnly).escrowOffer(id), format: output.format)
    }

    static func emit(_ offer: EscrowOffer, format: OutputFormat) throws {
        try Output.emitRecord(
            offer, format: format,
            fields: [
                ("id", "\(offer.id)"), ("vendor", offer.vendor.name), ("kind", offer.kind.rawValue),
                ("agent", offer.agent), ("terms", offer.terms), ("offered on", offer.offeredOn?.description),
                ("source", offer.source), ("notes", offer.notes), ("deposits", "\(offer.deposits)"),
                ("created", offer.createdAt),
            ])
    }
}
