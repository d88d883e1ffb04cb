import ArgumentParser
import AssayBundle
import AssayStore
import AssayWorkflows

/// `assay escrow deposit OFFER PATH`
struct EscrowDepositCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deposit",
        abstract: "Hash a deposited bundle and record the deposit under an offer.",
        discussion: """
            With --manifest (the depositor's own manifest, any format 'bundle verify' reads) the bundle must match \
            it; with --signature as well, the manifest must carry a valid signature by one of the vendor's keys \
            ('assay vendor key add'). Otherwise nothing is recorded and the exit status is 1.
            """
    )

    @Argument(help: "The offer's id.")
    var offer: Int64

    @Argument(help: "The bundle: a directory, an archive or a package (.deb, .rpm, .ipk).")
    var path: String

    @Option(help: "The version or label of this deposit.")
    var label: String?

    @Option(help: "The depositor's manifest of the bundle, to check the bundle against.", completion: .file())
    var manifest: String?

    @Option(help: "A detached signature over --manifest by one of the vendor's keys.")
    var signature: String?

    @OptionGroup var bundle: BundleOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if signature != nil && manifest == nil {
            throw ValidationError("--signature needs --manifest: give the manifest file the signature is over")
        }
    }

    func run() throws {
        var request = BundleDeposit(offer: offer, bundle: path)
        request.kind = bundle.kind
        request.label = label
        request.manifest = manifest
        request.signature = signature
        request.algorithm = try bundle.requestedAlgorithm()
        request.keepPrefix = bundle.keepPrefix
        request.limits = try bundle.limits.limits()
        let opened = try store.open()
        let outcome = try ProgressMeter.run("hashing", unit: "files") { meter in
            try request.record(in: opened, progress: meter?.readCallback)
        }
        switch outcome {
        case .signatureRejected(let vendor):
            Output.note(
                SignatureNote.failure(signature ?? "", over: manifest ?? "", keys: "any key of \(vendor)")
                    + "; nothing recorded")
            throw ExitCode(1)
        case .mismatch(let report):
            Output.write(VerificationOutput.text(report, bundle: path))
            Output.note("the bundle does not match \(manifest ?? ""); nothing recorded")
            throw ExitCode(1)
        case .recorded(let deposit, let read):
            if output.format == .table {
                Output.line(
                    "Recorded deposit #\(deposit.id) under offer #\(offer) (\(deposit.vendor.name)): "
                        + "\(deposit.files) files, \(deposit.bytes) bytes, bundle \(deposit.algorithm) "
                        + deposit.bundleDigest)
                if let prefix = deposit.strippedPrefix { Output.line("stripped top-level folder '\(prefix)'") }
                for finding in read.findings where finding.severity != .info {
                    Output.line(finding.line)
                }
            } else {
                try EscrowDepositOutput.emit(deposit, format: output.format)
            }
        }
    }
}

/// Renders a deposit record.
enum EscrowDepositOutput {
    static func emit(_ deposit: EscrowDeposit, format: OutputFormat) throws {
        let last = deposit.lastVerification.map { "\($0.outcome.rawValue) at \($0.verifiedAt) by \($0.actor)" }
        try Output.emitRecord(
            deposit, format: format,
            fields: [
                ("id", "\(deposit.id)"), ("offer", "\(deposit.offerId)"), ("vendor", deposit.vendor.name),
                ("label", deposit.label), ("source path", deposit.sourcePath),
                ("bundle digest", "\(deposit.algorithm) \(deposit.bundleDigest)"),
                (
                    "contents",
                    "\(deposit.files) files, \(deposit.directories) directories, \(deposit.symlinks) symlinks, "
                        + "\(deposit.bytes) bytes"
                ),
                ("stripped prefix", deposit.strippedPrefix), ("findings", "\(deposit.findings)"),
                ("manifest sha256", deposit.manifestSha256), ("signed by key", deposit.signerKey),
                ("deposited", deposit.depositedAt), ("last verification", last),
            ])
    }
}
