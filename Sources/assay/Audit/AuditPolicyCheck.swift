import ArgumentParser
import AssayAudit

/// `assay audit policy check FILE`
struct AuditPolicyCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a policy file and print its digest, or the line and reason it is refused.",
        discussion: "JSON follows Schemas/policy-check.schema.json.")

    /// What a check found, as JSON.
    struct Verdict: Encodable {
        let file: String
        let policyDigest: String
    }

    @Argument(help: ArgumentHelp("The policy file.", valueName: "file"), completion: .policyFiles)
    var file: String

    @Option(help: "Output format: text or json.")
    var format: ReportFormat = .text

    func run() throws {
        let verdict = Verdict(file: file, policyDigest: try PolicyReader.read(file: file).digest())
        switch format {
        case .text: Output.line("OK \(file): policy digest \(verdict.policyDigest)")
        case .json: try Output.json(verdict)
        }
    }
}
