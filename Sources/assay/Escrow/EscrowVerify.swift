import ArgumentParser
import AssayWorkflows

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
        var request = DepositVerification(deposit: deposit, bundle: path, signature: signature)
        request.keepPrefix = keepPrefix
        request.limits = try limits.limits()
        let opened = try store.open()
        let result = try ProgressMeter.run("hashing", unit: "files") { meter in
            try request.run(in: opened, progress: meter?.readCallback) { vendor in
                Output.note(
                    SignatureNote.failure(
                        signature ?? "", over: "deposit #\(deposit)'s manifest", keys: "any key of \(vendor)"))
            }
        }
        let outcome = result.run.outcome
        switch format {
        case .text:
            Output.write(VerificationOutput.text(result.report, bundle: path))
            Output.write("recorded verification #\(result.run.id) of deposit #\(deposit): \(outcome.rawValue)\n")
        case .json:
            try Output.json(result.report)
        }
        if outcome != .passed { throw ExitCode(1) }
    }
}
