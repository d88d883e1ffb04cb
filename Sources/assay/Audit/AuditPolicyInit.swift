import ArgumentParser
import AssayAudit
import AssayWorkflows

/// `assay audit policy init [FILE]`
struct AuditPolicyInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write the commented default policy to a file (or stdout with '-').")

    @Argument(help: "Where to write it.")
    var file = "assay-policy.yaml"

    @Flag(help: "Replace an existing file.")
    var force = false

    func run() throws {
        if file == "-" {
            Output.write(PolicyTemplate.text)
            return
        }
        if case .refused(let existing) = try NewFiles.write([(file, PolicyTemplate.text)], replacing: force) {
            throw CommandFailure(message: "\(existing) already exists; pass --force to replace it")
        }
        Output.write("Wrote the default policy to \(file)\n")
    }
}
