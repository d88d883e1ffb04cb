import ArgumentParser
import AssayWorkflows

extension AuditReportFormat: ExpressibleByArgument {}

/// Options shared by `audit run` and `audit watch`: policy, report format and folder.
struct AuditReportOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The policy file (YAML; default: the built-in policy, see 'audit policy init').",
            valueName: "file"),
        completion: .policyFiles)
    var policy: String?

    @Option(help: "Report format: text, md, html, json or csv.")
    var format: AuditReportFormat = .text

    @Option(
        help: ArgumentHelp(
            "Write the report into this folder under a dated name (created when missing) instead of stdout.",
            valueName: "dir"))
    var out: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "After the run, send a summary (counts, new and resolved findings, the top findings, the report's name "
                + "and SHA-256) to these channels declared under 'notifications' in the policy. A channel that fails "
                + "is retried, then warned about; it never changes the exit status.",
            valueName: "channel"))
    var notify: [String] = []

    func validate() throws {
        if !notify.isEmpty && out == nil {
            throw ValidationError("--notify needs --out: the summary names the report file it sends")
        }
    }
}
