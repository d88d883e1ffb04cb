import ArgumentParser
import AssayCore
import AssayStore

/// `assay cert attach ID FILE`
struct CertAttach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Attach evidence (a certificate PDF, an audit report) to a certification.",
        discussion: "The file is stored once by its SHA-256 in the evidence folder beside the database."
    )

    @Argument(help: "The certification's id.")
    var id: Int64

    @Argument(help: "The file to attach.")
    var file: String

    @Option(help: ArgumentHelp("The day the evidence speaks for.", valueName: "YYYY-MM-DD"))
    var effectiveOn: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let effective = try convert("--effective-on", effectiveOn, CalendarDate.init(iso:))
        let (evidence, already) = try store.open().attachEvidence(to: id, file: file, effectiveOn: effective)
        switch output.format {
        case .table:
            Output.line(
                already
                    ? "Already attached as evidence #\(evidence.id) (sha256 \(evidence.sha256)); nothing changed"
                    : "Attached evidence #\(evidence.id): \(evidence.originalName), \(evidence.size) bytes, sha256 \(evidence.sha256)"
            )
        case .json, .csv:
            try Output.emitRecord(
                evidence, format: output.format,
                fields: [
                    ("id", "\(evidence.id)"), ("certificationId", "\(evidence.certificationId)"),
                    ("sha256", evidence.sha256), ("size", "\(evidence.size)"), ("originalName", evidence.originalName),
                    ("receivedAt", evidence.receivedAt), ("effectiveOn", evidence.effectiveOn?.description),
                    ("storedPath", evidence.storedPath),
                ])
        }
    }
}
