import ArgumentParser
import AssayCore

/// The `assay` command: configuration only; each subcommand lives in its own file.
@main
struct Assay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assay",
        abstract: "Track vendors' security certifications, escrowed source code and market-access events.",
        discussion: """
            Records live in one SQLite database: --db PATH, else $ASSAY_DB, else \
            $XDG_DATA_HOME/assay/assay.sqlite (~/.local/share/assay/assay.sqlite). \
            Every change is appended to a hash-chained audit log (see 'assay log verify').

            Global options, accepted before the subcommand as well as after it by every command \
            that takes them ('assay --db X vendor list' is 'assay vendor list --db X'):
              --db <path>        the database file
              --actor <actor>    who makes the change, for the audit log (default: $USER)
              -v, --verbose      diagnostics on stderr
              --format <format>  table, json or csv for records; text or json for reports

            Results go to stdout, progress (on a terminal only) and diagnostics to stderr. An error is one line \
            per problem: 'assay: error[CODE]: MESSAGE', where CODE is the stable code of the failure (such as \
            store.unknown-vendor, or usage for a usage error) and is left out, as 'assay: error: MESSAGE', when \
            there is none; warnings read 'assay: warning: MESSAGE'. With --format json a failure is one JSON \
            object on stderr instead (Schemas/error.schema.json).

            Exit codes:
              0   success
              1   a check found a problem (log verify, bundle verify, audit)
              2   bad input or runtime error (nothing was written)
              64  usage error (unknown flag, missing argument)

            Shell completions: assay --generate-completion-script bash|zsh|fish
            """,
        version: AssayVersion.current,
        subcommands: [
            VendorCommand.self, CertCommand.self, EventCommand.self, BundleCommand.self, EscrowCommand.self,
            RegistryCommand.self, ImportCommand.self, ExportCommand.self, PackCommand.self, LogCommand.self, AuditCommand.self,
            RiskCommand.self, ProvenanceCommand.self, ArtifactCommand.self, DbCommand.self,
        ]
    )

    static func main() {
        let invocation = Invocation(CommandLine.arguments.dropFirst(), root: Self.self)
        do {
            var command = try parseAsRoot(invocation.arguments)
            try command.run()
        } catch {
            guard let failure = failure(error) else { exit(withError: error) }
            ErrorOutput.report(failure, json: invocation.wantsJSON)
        }
    }

    /// What to report for an error: the libraries' and the commands' failures, argument-parser's usage errors
    /// (exit 64, with its message and usage) and unexpected errors (exit 2); `nil` for help, version, completion
    /// scripts and exit codes, which argument-parser prints itself.
    static func failure(_ error: any Error) -> CommandFailure? {
        if let failure = CommandFailure(error) { return failure }
        let message = message(for: error)
        switch exitCode(for: error) {
        case .success:
            return nil
        case .validationFailure:
            var failure = CommandFailure(
                lines: message.split(separator: "\n").map(String.init), code: "usage", exitCode: 64)
            let full = fullMessage(for: error)
            if let range = full.range(of: message + "\n") { failure.usage = String(full[range.upperBound...]) }
            return failure
        default:
            return message.isEmpty ? nil : CommandFailure(message: message)
        }
    }
}
