import ArgumentParser
import AssayRegistry
import AssayStore

/// `assay import certifications FILE`
struct ImportCertifications: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certifications",
        abstract: "Import vendors' claimed certifications (CSV or JSON, Schemas/certifications-import.schema.json).",
        discussion: """
            A row is the same claim as a stored certification when vendor, scheme and certificate_number match; \
            it then updates it or leaves it unchanged. The format round-trips with 'assay export certifications'.
            """
    )

    @Argument(help: "The file: JSON when it starts with '{', else CSV.")
    var file: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let records = try CertificationFile.read(path: file)
        let opened = try store.open()
        let summary = try ProgressMeter.run("importing", unit: "records") { meter in
            try opened.importCertifications(records, from: file, progress: meter?.handler)
        }
        try Output.emit(summary, format: output.format)
    }
}
