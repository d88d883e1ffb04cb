import ArgumentParser
import AssayAudit

/// `assay audit policy check FILE`
struct AuditPolicyCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a policy file and print its digest, or the line and reason it is refused.")

    @Argument(help: "The policy file.")
    var file: String

    func run() throws {
        let policy = try PolicyReader.read(file: file)
        Output.write("OK \(file): policy digest \(try policy.digest())\n")
    }
}
