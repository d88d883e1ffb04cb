import ArgumentParser
import AssayWorkflows

/// `assay import certifications FILE`
struct ImportCertifications: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certifications",
        abstract: "Import vendors' claimed certifications (CSV or JSON, Schemas/certifications-import.schema.json).",
        discussion: """
            A row is a stored claim when its claim_key matches; else when vendor, scheme and certificate_number \
            match; else, without a number, when vendor, scheme, product and issued_on match (rows and stored claims \
            paired in order, so two such claims never merge). It then updates the claim (a new status is recorded \
            as of today, reason 'imported') or leaves it unchanged; other rows are added. Vendors must be \
            registered first. The format round-trips with 'assay export certifications': importing an export into \
            its own database changes nothing. All rows or none are written; problems name the file and record.
            """
    )

    @Argument(help: "The file: JSON when it starts with '{', else CSV.")
    var file: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let summary = try ProgressMeter.run("importing", unit: "records") { meter in
            try CertificationImport.run(file, opening: store.open, progress: meter?.handler)
        }
        try Output.emit(summary, format: output.format)
    }
}
