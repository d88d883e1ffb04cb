import ArgumentParser
import AssayCore
import AssayStore

/// `assay risk revoke ID --reason TEXT`
struct RiskRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a risk acceptance from today on.",
        discussion: """
            The finding counts again in audits as of today or later; audits as of earlier days still see it \
            accepted. The acceptance is kept, with who revoked it, when and why (risk.revoke in the audit log).
            """
    )

    @Argument(help: "The acceptance's id.")
    var id: Int64

    @Option(help: "Why the acceptance is revoked.")
    var reason: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let acceptance = try store.open().revokeRiskAcceptance(id, reason: reason, on: .today)
        Output.line("Revoked risk acceptance #\(acceptance.id): \(acceptance.findingId)")
    }
}
