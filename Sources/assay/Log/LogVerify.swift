import ArgumentParser
import AssayCrypto
import AssayStore
import AssayWorkflows

/// `assay log verify [--deep] [--checkpoint FILE --pubkey KEY]`
struct LogVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify the audit log and that the records are what it says they are.",
        discussion: """
            Recomputes the hash chain and exits 1 naming the first broken entry when entries were edited, \
            deleted, inserted or reordered behind Assay's back. Checks every checkpoint stored in the database \
            ('assay log checkpoint'): a log cut below one, or rewritten up to one, is broken. Then compares every \
            record table with the state the log gives each row, and exits 1 naming each row that was updated, \
            inserted or deleted behind Assay's back (sqlite3, an editor, a restored backup), and each evidence \
            file that is missing or has another size; --deep also hashes every evidence file again, which reads \
            them all and can be slow.

            With --checkpoint and --pubkey, also exits 1 unless that checkpoint file is signed by that key and \
            the log still passes through its entry unchanged: a rewrite of the whole chain (with its records) is \
            caught as long as the checkpoint was kept elsewhere.
            """
    )

    @Flag(help: "Also hash every evidence file again, not only check that it is there with its size (slower).")
    var deep = false

    @Flag(
        help:
            "Only the hash chain and the stored checkpoints: do not compare the records (faster, and blind to edits of the records)."
    )
    var chainOnly = false

    @Option(help: ArgumentHelp("A checkpoint file from 'assay log checkpoint'.", valueName: "file"))
    var checkpoint: String?

    @Option(help: ArgumentHelp("The organisation's public key that signed --checkpoint.", valueName: "pub.pem"))
    var pubkey: String?

    @Option(help: "Output format: text or json (Schemas/log-verification.schema.json).")
    var format: ReportFormat = .text

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if deep && chainOnly {
            throw ValidationError("--deep and --chain-only contradict each other: give one of them")
        }
        if (checkpoint == nil) != (pubkey == nil) {
            throw ValidationError(
                "--checkpoint and --pubkey go together: give the checkpoint file and the key that signed it")
        }
    }

    func run() throws {
        let opened = try store.open(.readOnly)
        let anchor = try loadCheckpoint()
        let result = try ProgressMeter.run("verifying", unit: "log entries") { meter in
            try opened.verifyLog(deep ? .deep : chainOnly ? .chain : .records, progress: meter?.handler)
        }
        let style = TerminalStyle.standardOutput
        switch format {
        case .json:
            try Output.json(result)
        case .text:
            Output.write(Self.lines(result, style: style).joined(separator: "\n") + "\n")
        }
        if !result.isIntact { throw ExitCode(1) }
        if let anchor {
            try verify(opened, anchor, style: style)
        }
    }

    /// What the verification found, a line each: the broken entry, or each record that differs, or OK.
    static func lines(_ result: LogVerification, style: TerminalStyle) -> [String] {
        let records = result.records
        if let broken = result.firstBreak {
            return [style.red("BROKEN") + " at entry \(broken.seq): \(broken.reason)"]
        }
        if let records, records.differenceCount > 0 {
            let more = records.differenceCount - records.differences.count
            return result.problems.map { style.red("BROKEN") + ": " + $0 }
                + (more > 0
                    ? ["… and \(more) more differences (--format json lists the first \(records.differences.count))"]
                    : [])
        }
        let matched =
            records.map { records in
                "; \(records.rows) records match the log"
                    + (records.evidenceFiles == 0
                        ? ""
                        : ", \(records.evidenceFiles) evidence files "
                            + (records.evidenceRehashed ? "re-hashed" : "present with their sizes"))
            } ?? "; records not compared (--chain-only)"
        guard let seq = result.headSeq, let hash = result.headHash else {
            return [style.green("OK") + " the log is empty" + matched]
        }
        return [style.green("OK") + " \(result.entries) entries; head \(seq) \(hash)" + matched]
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
        let toStandardError = format == .json
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
