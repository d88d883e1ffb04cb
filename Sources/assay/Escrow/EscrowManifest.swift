import ArgumentParser
import AssayBundle
import AssayStore
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
        let bytes = try ManifestCodec.encode(try store.open(.readOnly).depositManifest(deposit), as: .assay)
        if let output {
            try AtomicFile.write(bytes, to: output)
        } else {
            Output.write(String(decoding: bytes, as: UTF8.self))
        }
    }
}
