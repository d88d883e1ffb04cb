import ArgumentParser
import AssayAudit
import AssayCore

/// The report formats of `audit run` and `audit watch`.
enum AuditFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md, html, json, csv

    /// The report file's extension.
    var fileExtension: String { self == .text ? "txt" : rawValue }
}

/// Options shared by `audit run` and `audit watch`: policy, report format and folder.
struct AuditReportOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The policy file (YAML; default: the built-in policy, see 'audit policy init').",
            valueName: "file"),
        completion: .policyFiles)
    var policy: String?

    @Option(help: "Report format: text, md, html, json or csv.")
    var format: AuditFormat = .text

    @Option(
        help: ArgumentHelp(
            "Write the report into this folder under a dated name (created when missing) instead of stdout.",
            valueName: "dir"))
    var out: String?

    /// The policy to apply.
    func loadPolicy() throws -> AuditPolicy { try Self.loadPolicy(policy) }

    /// The policy in a file, else the built-in one.
    static func loadPolicy(_ path: String?) throws -> AuditPolicy {
        try path.map { path throws(AuditError) in try PolicyReader.read(file: path) } ?? AuditPolicy.standard()
    }
}
