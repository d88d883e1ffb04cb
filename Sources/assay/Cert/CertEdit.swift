import ArgumentParser
import AssayCore
import AssayStore

/// `assay cert edit ID …`
struct CertEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct a certification's fields.",
        discussion: """
            Takes the same fields as 'cert add'; only those given change, and an empty value clears an optional \
            one (--valid-until "", --version "" for no covered versions). A new --status is recorded in the \
            status history as effective today with reason 'edited' (use 'cert set-status' for another day). \
            The claim keeps its claim_key. The change is kept in the audit log (cert.edit) with the claim before \
            and after. Example: assay cert edit 3 --issued-on 2024-02-01 --number ""
            """
    )

    @Argument(help: "The certification's id.")
    var id: Int64

    @Option(help: "Move the claim to another vendor (name, alias or id).")
    var vendor: String?

    @OptionGroup var fields: CertificationFields
    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let values = try fields.parsed()
        let edited = try store.open().editCertification(id) { draft in
            if let vendor { draft.vendor = vendor }
            values.apply(to: &draft)
        }
        if output.format == .table {
            Output.write("Updated certification #\(edited.id)\n")
        } else {
            try CertShow.emit(edited, format: output.format)
        }
    }
}
