import ArgumentParser
import AssayStore
import AssayWorkflows

/// `assay cert import-x509 FILE…`
struct CertImportX509: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-x509",
        abstract: "Register X.509 certificates (PEM or DER, one or many per file) as certifications.",
        discussion: """
            Each certificate becomes a certification of scheme x509 with its validity dates; its subject, issuer, \
            serial, SHA-256 fingerprint, algorithms, key size and DNS names are kept. Weak signature digests (MD2, \
            MD5, SHA-1) and short keys are flagged. The same certificate (fingerprint) twice is not a duplicate. \
            Files that are not certificates (CSRs, CRLs, private keys…) are refused, saying what they are; \
            private keys are never stored. All files are read before anything is written.
            """
    )

    @Argument(help: "Certificate files.")
    var files: [String]

    @Option(
        help: "The vendor the certificates belong to (name, alias or id; default: the one named by each subject's O=).")
    var vendor: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let results: [X509ImportResult]
        do {
            results = try CertificateFileImport.run(files, vendor: vendor) { try store.open() }
        } catch WorkflowError.noOrganization(let file, let subject) {
            throw CommandFailure(
                message: "\(file): certificate '\(subject)' names no organization (O=); give --vendor")
        }
        try Output.emit(results, format: output.format) {
            var table = TextTable("CERT", "OUTCOME", "SUBJECT", "FINGERPRINT (SHA-256)", "FLAGS")
            for result in results {
                table.add(
                    "\(result.certificationId)", result.outcome, result.subject, result.fingerprint,
                    result.weaknesses.joined(separator: "; "))
            }
            return table
        }
        let added = results.count { $0.outcome == "added" }
        Output.note("\(added) added, \(results.count - added) unchanged")
    }
}
