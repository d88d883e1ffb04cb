import ArgumentParser
import AssayAudit
import AssayCore
import AssayProvenance
import AssayStore
import AssayWorkflows

/// `assay escrow expect DEPOSIT --from FILE… [--key PUB …] [--trusted-root ROOT --identity SAN --issuer URL]
/// [--as-of DAY]`
struct EscrowExpect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expect",
        abstract: "Record the binaries a deposit should build, from provenance evidence.",
        discussion: """
            Each FILE is detected from content: a Debian .buildinfo, an in-toto link, a DSSE envelope, an in-toto \
            statement, a Sigstore bundle or an SPDX 2.x document (tag-value or JSON). An in-toto layout is \
            evaluated with the links given beside it (repeat --from): only products on which a step's threshold of \
            functionaries agree are expected; products below it, and a layout past its expiry (judged now, or at \
            the end of --as-of), are reported and expect nothing. One layout at a time.
            Signatures are checked with the vendor's registered keys and --key; a Sigstore bundle against \
            --trusted-root (keyless: --identity and --issuer); an OpenPGP clear-signature with gpgv and --keyring, \
            else reported present but unverified. One expectation is recorded per binary, \
            with whether the sources the evidence names are files of the deposit (linked, no-source-link, \
            source-mismatch).
            Exit status: 0 recorded; 1 a signature does not verify (nothing is expected of the files; the one \
            that failed is kept for the audit), or the evidence vouches for no binary (an expired layout, no \
            threshold met); 2 error.
            """
    )

    @Argument(help: "The deposit's id.")
    var deposit: Int64

    @Option(help: "A provenance file (repeatable: an in-toto layout with its links).", completion: .file())
    var from: [String] = []

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

    @Option(
        help: ArgumentHelp(
            "Judge an in-toto layout's expiry at the end of this day instead of now.", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: "Output: table or json (Schemas/expectation.schema.json).")
    var format: ArtifactVerify.VerdictFormat = .table

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if from.isEmpty {
            throw ValidationError("give the provenance file with --from FILE (repeat it for a layout and its links)")
        }
    }

    func run() throws {
        let policy = try VerificationPolicy(
            keyFiles: key, trustedRootPath: trustedRoot, identity: identity, issuer: issuer, openPGPKeyring: keyring)
        let recording = try EscrowExpectation.record(
            deposit: deposit, evidenceFiles: from, policy: policy,
            asOf: try convert("--as-of", asOf, CalendarDate.init(iso:)), store: try store.open())
        switch format {
        case .json: try Output.json(recording)
        case .table: ExpectationOutput.print(recording)
        }
        if recording.expectations.isEmpty { throw ExitCode(1) }
    }
}
