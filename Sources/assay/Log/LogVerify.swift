import ArgumentParser
import AssayStore

/// `assay log verify`
struct LogVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the audit log's hash chain and print its head.",
        discussion: """
            Exits 1 naming the first broken entry when entries were edited, deleted, inserted or reordered \
            behind Assay's back. Keep the printed head hash elsewhere: a later verify that no longer reaches \
            it shows a rewrite of the whole chain.
            """
    )

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let result = try store.open().verifyLog()
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
    }
}
