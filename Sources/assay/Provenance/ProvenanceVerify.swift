import ArgumentParser
import AssayProvenance
import AssayWorkflows

/// `assay provenance verify FILE --attestation ATT [--key PUB …] [--trusted-root ROOT --identity SAN --issuer URL]`
struct ProvenanceVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check one attestation against one file: signature, subject, sources and builder.",
        discussion: """
            The attestation is detected from content: a Sigstore bundle (v0.1 to v0.3, verified offline against \
            --trusted-root: log entry, inclusion proof, checkpoint, timestamps, certificate chain and SCTs at the \
            signing time), a DSSE envelope (verified with --key) or a bare in-toto statement (unsigned). A keyless \
            Sigstore bundle needs --identity and --issuer. The file's SHA-256 must be among the subjects.
            Exit status: 0 signature verified and the file is a subject; 1 a signature or proof does not verify, \
            the signature could not be checked with what was given, or the file is not a subject; 2 error.
            """
    )

    @Argument(help: "The file the attestation should vouch for.", completion: .file())
    var file: String

    @Option(help: "The attestation: Sigstore bundle, DSSE envelope or in-toto statement.", completion: .file())
    var attestation: String

    @Option(help: "A trusted public key, PEM or DER (repeatable).", completion: .file())
    var key: [String] = []

    @Option(help: "A pinned Sigstore trusted_root.json.", completion: .file())
    var trustedRoot: String?

    @Option(help: "The signer identity a keyless certificate must name (e-mail or URI SAN).")
    var identity: String?

    @Option(help: "The OIDC issuer a keyless certificate must name.")
    var issuer: String?

    @Option(help: "Output: text or json (Schemas/provenance-verification.schema.json).")
    var format: ReportFormat = .text

    func run() throws {
        let policy = try VerificationPolicy(
            keyFiles: key, trustedRootPath: trustedRoot, identity: identity, issuer: issuer)
        let result = try ProvenanceVerification.verify(file: file, attestation: attestation, policy: policy)
        switch format {
        case .text: Output.text(ProvenanceVerificationText.render(result))
        case .json: try Output.json(result)
        }
        if !result.valid { throw ExitCode(1) }
    }
}
