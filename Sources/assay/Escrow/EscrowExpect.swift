import ArgumentParser
import AssayAudit
import AssayProvenance
import AssayStore

/// `assay escrow expect DEPOSIT --from FILE [--key PUB …] [--trusted-root ROOT --identity SAN --issuer URL]`
struct EscrowExpect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expect",
        abstract: "Record the binaries a deposit should build, from provenance evidence.",
        discussion: """
            FILE is detected from content: a Debian .buildinfo, an in-toto link, a DSSE envelope, an in-toto \
            statement or a Sigstore bundle. Signatures are checked with the vendor's registered keys and --key; a \
            Sigstore bundle against --trusted-root (keyless: --identity and --issuer); an OpenPGP clear-signature \
            with gpgv and --keyring, else reported present but unverified. One expectation is recorded per binary, \
            with whether the sources the evidence names are files of the deposit (linked, no-source-link, \
            source-mismatch).
            Exit status: 0 recorded; 1 a signature does not verify (nothing is expected of the file; it is kept \
            for the audit); 2 error.
            """
    )

    @Argument(help: "The deposit's id.")
    var deposit: Int64

    @Option(help: "The provenance file.", completion: .file())
    var from: String

    @Option(
        help: "A trusted public key, PEM or DER (repeatable), besides the vendor's registered keys.",
        completion: .file())
    var key: [String] = []

    @Option(help: "A pinned Sigstore trusted_root.json.", completion: .file())
    var trustedRoot: String?

    @Option(help: "The signer identity a keyless certificate must name (e-mail or URI SAN).")
    var identity: String?

    @Option(help: "The OIDC issuer a keyless certificate must name.")
    var issuer: String?

    @Option(help: "An OpenPGP keyring for gpgv.", completion: .file())
    var keyring: String?

    @Option(help: "Output: table or json (Schemas/expectation.schema.json).")
    var format: ArtifactVerify.VerdictFormat = .table

    @OptionGroup var store: StoreOptions

    func run() throws {
        let policy = VerificationPolicy(
            keys: try SignatureCheck.keys(key), trustedRootPath: trustedRoot, identity: identity, issuer: issuer,
            openPGPKeyring: keyring)
        let (expectations, again) = try EscrowExpectation.record(
            deposit: deposit, evidenceFile: from, policy: policy, store: try store.open())
        switch format {
        case .json: try Output.json(expectations)
        case .table:
            var table = TextTable("ID", "SUBJECT", "SHA-256", "KIND", "STRENGTH", "SIGNER", "SOURCE")
            for expectation in expectations {
                table.add(
                    "\(expectation.id)", expectation.subjectName,
                    expectation.subjectSha256.map { String($0.prefix(16)) },
                    expectation.kind.rawValue, expectation.strength.rawValue, expectation.signer,
                    expectation.sourceLink.rawValue)
            }
            Output.write(table.rendered(style: .standardOutput))
            for remark in Set(expectations.flatMap(\.remarks)).sorted() { Output.line("note: \(remark)") }
            Output.line(
                (again ? "already recorded: " : "recorded ")
                    + "\(expectations.count) expectations of deposit #\(deposit)")
        }
    }
}
