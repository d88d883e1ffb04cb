import ArgumentParser
import AssayBundle
import AssayCore
import AssayCrypto
import AssayStore

/// `assay escrow verify DEPOSIT PATH`
struct EscrowVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a bundle against a deposit and record the run.",
        discussion: """
            Every run is recorded (who, when, outcome, counts per kind of difference), including runs that end \
            in error. --signature is a detached signature, by one of the vendor's keys, over the deposit's \
            canonical manifest as 'assay escrow manifest DEPOSIT' exports it.
            Exit status: 0 everything matches; 1 any difference, error finding or bad signature; 2 error.
            """
    )

    @Argument(help: "The deposit's id.")
    var deposit: Int64

    @Argument(help: "The bundle to check: a directory, an archive or a package (.deb, .rpm, .ipk).")
    var path: String

    @Option(help: "A detached signature over the deposit's exported manifest.")
    var signature: String?

    @Option(help: "Output: text or json (Schemas/verification-report.schema.json).")
    var format: ReportFormat = .text

    @Flag(help: "Keep an archive's single top-level folder in paths instead of stripping it.")
    var keepPrefix = false

    @OptionGroup var limits: LimitOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let readLimits = try limits.limits()
        let opened = try store.open()
        let record = try opened.escrowDeposit(deposit)
        let expected = try opened.depositManifest(deposit)
        let verdict = try signature.map { signature in
            let keys = try opened.vendorKeys("#\(record.vendor.id)").map {
                try PublicKey(bytes: Array($0.publicKey.utf8))
            }
            return try SignatureVerdict.check(
                signature: try SignatureCheck.readBytes(signature, what: "signature"),
                over: try ManifestCodec.encode(expected, as: .assay), keys: keys)
        }
        if verdict?.valid == false, let signature {
            Output.note(
                SignatureCheck.failure(
                    signature, over: "deposit #\(deposit)'s manifest",
                    keys: "any key of \(record.vendor.name)"))
        }
        let signer = verdict?.signerKey
        var report: VerificationReport
        do {
            report = try ProgressMeter.run("hashing", unit: "files") { meter throws(BundleError) in
                try Verifier.verify(
                    bundleAt: path, against: expected,
                    options: ReadOptions(keepPrefix: keepPrefix, limits: readLimits, progress: meter?.readCallback))
            }
        } catch {
            try opened.recordVerification(
                deposit: deposit, bundlePath: path, outcome: .error, summary: nil,
                error: error.description, signerKey: signer)
            throw error
        }
        if let verdict { report = report.recording(verdict) }
        let outcome: VerificationOutcome = report.clean ? .passed : .failed
        let run = try opened.recordVerification(
            deposit: deposit, bundlePath: path, outcome: outcome,
            summary: report.summary, signerKey: signer)
        switch format {
        case .text:
            Output.write(VerificationOutput.text(report, bundle: path))
            Output.write("recorded verification #\(run.id) of deposit #\(deposit): \(outcome.rawValue)\n")
        case .json:
            try Output.json(report)
        }
        if outcome != .passed { throw ExitCode(1) }
    }
}
