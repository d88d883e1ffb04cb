import ArgumentParser
import AssayStore

/// `assay registry list`
struct RegistryList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List imported registry records.")

    @Option(help: "Only this registry: cc-portal or cmvp.")
    var registry: Registry?

    @Option(help: "Only records matched to this vendor (name, alias or id).")
    var vendor: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let records = try store.open(.readOnly).registryRecords(registry, vendor: vendor)
        try Output.emit(records, format: output.format) {
            var table = TextTable(
                "ID", "REGISTRY", "MANUFACTURER", "PRODUCT", "NUMBER", "LEVEL", "CERTIFIED", "ENDS", "STATUS")
            for record in records {
                table.add(
                    record.id.map(String.init), record.registry.rawValue, record.manufacturer, record.product,
                    record.certificateNumber, record.level, record.certifiedOn?.description,
                    record.endsOn?.description, record.status)
            }
            return table
        }
    }
}
