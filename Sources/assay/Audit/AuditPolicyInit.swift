import ArgumentParser
import AssayAudit
import AssayWorkflows
import Foundation

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
        if !force && FileManager.default.fileExists(atPath: file) {
            throw CommandFailure(message: "\(file) already exists; pass --force to replace it")
        }
        try AtomicFile.write(Array(PolicyTemplate.text.utf8), to: file)
        Output.write("Wrote the default policy to \(file)\n")
    }
}
