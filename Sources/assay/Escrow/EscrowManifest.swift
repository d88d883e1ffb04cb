import ArgumentParser
import AssayWorkflows

/// `assay escrow manifest DEPOSIT`
struct EscrowManifest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manifest",
        abstract: "Export a deposit's canonical manifest (the bytes a vendor signs for 'escrow verify --signature')."
    )

    @Argument(help: "The deposit's id.")
    var deposit: Int64

    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.")
    var output: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let opened = try store.open(.readOnly)
        if let output {
            try DepositManifests.export(deposit, in: opened, to: output)
        } else {
            Output.write(String(decoding: try DepositManifests.canonicalBytes(of: deposit, in: opened), as: UTF8.self))
        }
    }
}
