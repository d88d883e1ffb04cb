import ArgumentParser
import AssayAudit
import AssayStore

/// `assay artifact verify [ARTIFACT…|--vendor V|--deposit N]`
struct ArtifactVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Give each artifact a verdict against what escrow deposits are expected to build.",
        discussion: """
            Verdicts: reproduced (bit for bit equal to an expectation), equivalent-content (a package whose \
            contents equal an expected package's; only archive metadata differs), differs (an expectation names a \
            file of that name but neither holds: the differing members are named, and diffoscope's report is kept \
            when it is installed), no-expectation. Each comes with the evidence behind the expectation. Every run \
            is recorded.
            Exit status: 0 every artifact reproduced or equivalent; 1 otherwise, or evidence refused for an \
            invalid signature; 2 error.
            """
    )

    @Argument(help: "The artifacts' ids (default: every artifact).")
    var artifacts: [Int64] = []

    @Option(help: "Only this vendor's artifacts (name, alias or id).")
    var vendor: String?

    @Option(help: "The artifacts of this deposit's vendor, against this deposit's expectations only.")
    var deposit: Int64?

    @Option(help: "Output: table or json (Schemas/artifact-verification.schema.json).")
    var format: VerdictFormat = .table

    @OptionGroup var store: StoreOptions

    enum VerdictFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    func validate() throws {
        let given = [!artifacts.isEmpty, vendor != nil, deposit != nil].filter { $0 }.count
        if given > 1 {
            throw ValidationError("give artifact ids, --vendor or --deposit, not several")
        }
    }

    func run() throws {
        let selection: ArtifactSelection =
            if let vendor { .vendor(vendor) } else if let deposit { .deposit(deposit) } else if artifacts.isEmpty {
                .all
            } else { .artifacts(artifacts) }
        let run = try ArtifactVerifier.verify(selection, store: try store.open())
        switch format {
        case .table: Output.text(VerdictOutput.text(run))
        case .json: try Output.json(run)
        }
        if !run.passed { throw ExitCode(1) }
    }
}
