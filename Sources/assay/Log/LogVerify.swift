import ArgumentParser
import AssayCrypto
import AssayStore

/// `assay log verify [--checkpoint FILE --pubkey KEY]`
struct LogVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the audit log's hash chain and print its head.",
        discussion: """
            Exits 1 naming the first broken entry when entries were edited, deleted, inserted or reordered \
            behind Assay's back. With --checkpoint and --pubkey, also exits 1 unless the checkpoint is signed \
            by that key and the log still passes through its entry unchanged: a rewrite of the whole chain \
            is caught as long as the checkpoint was kept elsewhere ('assay log checkpoint').
            """
    )

    @Option(help: ArgumentHelp("A checkpoint file from 'assay log checkpoint'.", valueName: "file"))
    var checkpoint: String?

    @Option(help: ArgumentHelp("The organisation's public key that signed --checkpoint.", valueName: "pub.pem"))
    var pubkey: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if (checkpoint == nil) != (pubkey == nil) {
            throw ValidationError(
                "--checkpoint and --pubkey go together: give the checkpoint file and the key that signed it")
        }
    }

    func run() throws {
        let opened = try store.open(.readOnly)
        let anchor = try loadCheckpoint()
        let result = try opened.verifyLog()
        let style = TerminalStyle.standardOutput
        switch output.format {
        case .json:
            try Output.json(result)
        case .table, .csv:
            if let broken = result.firstBreak {
                Output.write(style.red("BROKEN") + " at entry \(broken.seq): \(broken.reason)\n")
            } else if let seq = result.headSeq, let hash = result.headHash {
                Output.write(style.green("OK") + " \(result.entries) entries; head \(seq) \(hash)\n")
            } else {
                Output.write(style.green("OK") + " the log is empty\n")
            }
        }
        if !result.isIntact { throw ExitCode(1) }
        if let anchor {
            try verify(opened, anchor, style: style)
        }
    }

    /// The checkpoint file and the key that must have signed it, read before anything is printed.
    private func loadCheckpoint() throws -> (path: String, checkpoint: LogCheckpoint, key: PublicKey)? {
        guard let checkpoint, let pubkey else { return nil }
        let keys = try SignatureCheck.keys([pubkey])
        let bytes = try SignatureCheck.readBytes(checkpoint, what: "checkpoint")
        return try keys.first.map { key in (checkpoint, try LogCheckpoint(json: bytes, path: checkpoint), key) }
    }

    /// Prints whether the log extends the checkpoint (on stderr with `--format json`) and exits 1 when not.
    private func verify(
        _ opened: Store, _ anchor: (path: String, checkpoint: LogCheckpoint, key: PublicKey), style: TerminalStyle
    ) throws {
        let (path, checkpoint, key) = anchor
        let toStandardError = output.format == .json
        let say = { (line: String) in toStandardError ? Output.note(line) : Output.write(line + "\n") }
        let problem: String
        switch try opened.check(checkpoint, key: key) {
        case .extended(_, let headSeq):
            say(
                style.green("OK") + " the log extends checkpoint \(path) (entry \(checkpoint.seq) of "
                    + "\(headSeq)), signed by \(checkpoint.keyType) key \(key.fingerprint.hex.prefix(16))")
            return
        case .badSignature:
            problem = "checkpoint \(path) is not validly signed by \(pubkey ?? "") (wrong key, or the file was altered)"
        case .truncated(let end, let seq):
            problem = "the log ends at entry \(end) but checkpoint \(path) is of entry \(seq): entries were removed"
        case .rewritten(let seq):
            problem = "entry \(seq) no longer has the hash in checkpoint \(path): the log was rewritten"
        }
        say(style.red("BROKEN") + " \(problem)")
        throw ExitCode(1)
    }
}
