import ArgumentParser
import AssayWorkflows

/// `assay export certifications`
struct ExportCertifications: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certifications",
        abstract: "Write claimed certifications to stdout in the import format (CSV or JSON).",
        discussion: """
            Every field a claim holds (level, augmentations, product and versions, audit period, dates, current \
            status, notes) and its claim_key, oldest claim first; missing values stay empty. Status history and \
            evidence are not exported; X.509 certifications are left out (import their certificate files). \
            Example: assay export certifications --vendor ZTE --format json > zte.json
            """
    )

    @Option(help: "csv or json.")
    var format: RecordExport.Format = .csv

    @Option(help: "Only this vendor's certifications.")
    var vendor: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        Output.write(try RecordExport.certifications(in: try store.open(.readOnly), vendor: vendor, format: format))
    }
}
