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

            Exit codes:
              0   success
              1   a check found a problem (log verify, bundle verify, audit)
              2   bad input or runtime error (nothing was written)
              64  usage error (unknown flag, missing argument)
            """,
        version: AssayVersion.current,
        subcommands: [
            VendorCommand.self, CertCommand.self, EventCommand.self, BundleCommand.self, EscrowCommand.self,
            RegistryCommand.self, ImportCommand.self, ExportCommand.self, LogCommand.self, AuditCommand.self,
            RiskCommand.self,
        ]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            failure.report()
        } catch {
            if let described = CommandFailure(error) {
                described.report()
            }
            exit(withError: error)
        }
    }
}
