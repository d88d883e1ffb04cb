import ArgumentParser
import AssayAudit
import AssayCore
import AssayCrypto
import AssayStore
import AssayWorkflows

/// `assay export pack [--vendor V…] --as-of DATE --key KEY -o pack.tar`
struct ExportPack: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Write an evidence pack for a regulator or customer: one signed tar that verifies offline.",
        discussion: """
            The pack holds the audit report (HTML, JSON), each vendor's dossier (HTML, JSON), the evidence files, \
            deposits, manifests and verification runs they rest on, the whole audit log up to a checkpoint signed \
            with --key (also stored in the database), a MANIFEST of every file's SHA-256 (sha256sum format) and \
            MANIFEST.sig, the key's signature over it. A log that does not verify is never packed (exit 1). \
            'assay pack verify pack.tar --pubkey ORG.pub' checks it with no database; README "Evidence pack" \
            gives the layout and the same checks with openssl and sha256sum.
            Example: assay export pack --vendor ZTE --as-of 2025-06-30 --key org-key.pem -o zte-pack.tar
            """
    )

    @Option(help: "A vendor to include (name, alias or id); repeat for several (default: every vendor).")
    var vendor: [String] = []

    @Option(help: ArgumentHelp("The day the report and the dossiers describe.", valueName: "YYYY-MM-DD"))
    var asOf: String

    @Option(help: ArgumentHelp("The organisation's private key (PEM or DER, unencrypted).", valueName: "key.pem"))
    var key: String

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The tar file to write.", valueName: "pack.tar"))
    var output: String

    @Option(help: "The audit policy file (YAML; default: the built-in policy).", completion: .file())
    var policy: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let day = try convert("--as-of") { () throws(ValueError) in try CalendarDate(iso: asOf) }
        let signingKey: PrivateKey
        do {
            signingKey = try PrivateKey(bytes: try SignatureCheck.readBytes(key, what: "private key"))
        } catch let error as CryptoError {
            throw CommandFailure(library: error, about: "--key \(key)")
        }
        let pack = EvidencePack(vendors: vendor, asOf: day, policy: try AuditReportOptions.loadPolicy(policy))
        let written = try pack.write(from: try store.open(), signingWith: signingKey, to: output)
        Output.write(
            "Evidence pack \(output): \(written.files) files, log through entry \(written.checkpoint.seq) "
                + "\(written.checkpoint.hash), signed by \(written.checkpoint.keyType) key "
                + "\(written.checkpoint.keyFingerprint.prefix(16)); MANIFEST sha256 \(written.manifestSha256)\n")
    }
}
