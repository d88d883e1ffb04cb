import ArgumentParser
import AssayWorkflows

/// `assay log checkpoint --key KEY [-o FILE]`
struct LogCheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Sign the audit log's head with the organisation's key, store it and write it out.",
        discussion: """
            Keep the checkpoint file somewhere the database's users cannot change (a ticket, an e-mail, another \
            machine). 'assay log verify --checkpoint FILE --pubkey KEY' then proves the log still extends it \
            unchanged, which catches even a rewrite of the whole chain. Keys: Ed25519 or ECDSA P-256/P-384 \
            (openssl genpkey -algorithm ed25519 -out org-key.pem).
            """
    )

    @Option(help: ArgumentHelp("The organisation's private key (PEM or DER, unencrypted).", valueName: "key.pem"))
    var key: String

    @Option(name: [.customShort("o"), .long], help: "Write the checkpoint file here (default: standard output).")
    var output: String?

    @OptionGroup var store: StoreOptions

    func run() throws {
        let request = LogCheckpointRequest(keyFile: key, outputFile: output)
        let outcome = try KeyFlagContext.naming("--key") { try request.run(opening: store.open) }
        let checkpoint = outcome.checkpoint
        if let output {
            Output.write(
                "Checkpoint of entry \(checkpoint.seq) \(checkpoint.hash) signed by \(checkpoint.keyType) "
                    + "key \(checkpoint.keyFingerprint.prefix(16)); written to \(output)\n")
        } else {
            Output.write(outcome.text)
        }
    }
}
