import ArgumentParser
import AssayStore

/// `assay escrow offer list`
struct OfferList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List escrow offers.")

    @Option(help: "Only this vendor's offers (name, alias or id).")
    var vendor: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let offers = try store.open(.readOnly).escrowOffers(vendor: vendor)
        try Output.emit(offers, format: output.format) {
            var table = TextTable("ID", "VENDOR", "KIND", "AGENT", "OFFERED ON", "DEPOSITS")
            for offer in offers {
                table.add(
                    "\(offer.id)", offer.vendor.name, offer.kind.rawValue, offer.agent,
                    offer.offeredOn?.description, "\(offer.deposits)")
            }
            return table
        }
    }
}
