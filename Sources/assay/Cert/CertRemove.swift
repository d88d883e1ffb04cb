import ArgumentParser
import AssayStore

/// `assay cert remove ID [--cascade]`
struct CertRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a certification claim, with its status history.",
        discussion: """
            Refused when evidence records ('cert attach') or X.509 certificate details ('cert import-x509') \
            belong to the claim, naming them; --cascade removes those records with it (the stored evidence files \
            stay in the evidence folder). The removal is kept in the audit log (cert.remove) with the claim's \
            last state, evidence and certificate details included.
            """
    )

    @Argument(help: "The certification's id.")
    var id: Int64

    @Flag(help: "Also remove the claim's evidence records and X.509 certificate details.")
    var cascade = false

    @OptionGroup var store: StoreOptions

    func run() throws {
        do {
            try store.open().removeCertification(id, cascade: cascade)
        } catch let error as StoreError where error.code == "store.in-use" {
            throw CommandFailure(message: error.description + "; give --cascade to remove them with it")
        }
        Output.write("Removed certification #\(id)\n")
    }
}
