import ArgumentParser
import AssayAudit
import AssayProvenance
import AssayStore

/// `assay escrow rebuild DEPOSIT BUNDLE --command CMD --artifact PATH…`
struct EscrowRebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Build a deposit's source in a clean environment and record the artefacts as expectations.",
        discussion: """
            BUNDLE must first verify cleanly against the deposit (as 'escrow verify' checks it); otherwise nothing \
            is built. It is then extracted into a scratch folder, refusing any entry that would land outside it, \
            and the command runs there as '/bin/sh -c COMMAND' with only PATH=/usr/local/bin:/usr/bin:/bin, HOME \
            and TMPDIR (empty scratch folders), LANG=C.UTF-8, LC_ALL=C.UTF-8, TZ=UTC and SOURCE_DATE_EPOCH, plus \
            each --env; umask 022; no input; output and errors to a log kept with the run. SOURCE_DATE_EPOCH is \
            --source-date-epoch, else the second the deposit was recorded; every extracted file is dated to it. \
            As root the build runs in a new network namespace (no network); otherwise the run records why not. \
            Nothing else is confined: the build runs with your privileges (use a dedicated user or a container). \
            With --runs 2 it builds twice, in two folders, and reports whether the artefacts agree.
            The run is recorded whatever its outcome, with each attempt's exit status, log and artefacts; when it \
            succeeds, the artefacts become expectations of the deposit (evidence kind 'rebuild').
            Exit status: 0 the build succeeded (and, with --runs 2 or more, reproduced bit for bit); 1 the bundle \
            does not verify, the build failed, an artefact is missing or the runs disagree; 2 error.
            """
    )

    @Argument(help: "The deposit's id.")
    var deposit: Int64

    @Argument(help: "The deposit's source bundle: a directory or an archive.")
    var bundle: String

    @Option(help: ArgumentHelp("The build command, run by /bin/sh -c in the extracted source.", valueName: "cmd"))
    var command: String

    @Option(
        name: .customLong("artifact"), parsing: .upToNextOption,
        help: ArgumentHelp("Files the build produces, relative to the source folder.", valueName: "path"))
    var artifacts: [String] = []

    @Option(help: "How many times to build, each in its own folder.")
    var runs = 1

    @Option(
        name: .customLong("env"),
        help: ArgumentHelp("A variable added to the clean environment (repeatable).", valueName: "K=V"))
    var environment: [String] = []

    @Option(help: ArgumentHelp("SOURCE_DATE_EPOCH (default: the deposit's recorded time).", valueName: "seconds"))
    var sourceDateEpoch: Int64?

    @Flag(help: "Keep an archive's single top-level folder in paths instead of stripping it.")
    var keepPrefix = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if artifacts.isEmpty { throw ValidationError("--artifact: name at least one file the build produces") }
        if runs < 1 { throw ValidationError("--runs must be 1 or more") }
        if let bad = environment.first(where: { !$0.contains("=") || $0.hasPrefix("=") }) {
            throw ValidationError("--env '\(bad)': give it as NAME=VALUE")
        }
    }

    func run() throws {
        let variables = Dictionary(
            environment.map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(parts[0]), String(parts[1]))
            }, uniquingKeysWith: { $1 })
        let request = EscrowRebuild(
            deposit: deposit, bundle: bundle, command: command, artifacts: artifacts, runs: runs,
            environment: variables, sourceDateEpoch: sourceDateEpoch, keepPrefix: keepPrefix)
        let runs = runs
        let result = try request.run(in: try store.open()) { number in
            Output.note("building attempt \(number) of \(runs)…")
        }
        switch result {
        case .refused(let report):
            Output.write(VerificationOutput.text(report, bundle: bundle))
            Output.note("\(bundle) does not match deposit #\(deposit); nothing was built")
            throw ExitCode(1)
        case .built(let built):
            Output.write(RebuildOutput.text(built, bundle: bundle, deposit: deposit))
            for (number, tail) in built.logTails.sorted(by: { $0.key < $1.key }) {
                Output.note("attempt \(number) failed; the end of its log:\n\(tail)")
            }
            if !built.passed { throw ExitCode(1) }
        }
    }
}
