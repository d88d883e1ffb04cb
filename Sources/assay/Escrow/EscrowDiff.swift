import ArgumentParser
import AssayWorkflows

/// `assay escrow diff DEPOSIT_A DEPOSIT_B`
struct EscrowDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two deposits: added, removed and changed paths, and bytes."
    )

    @Argument(help: "The older deposit's id.")
    var old: Int64

    @Argument(help: "The newer deposit's id.")
    var new: Int64

    @Option(help: "Output: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var store: StoreOptions

    func run() throws {
        let diff = try DepositManifests.diff(from: old, to: new, in: try store.open(.readOnly))
        switch format {
        case .json:
            try Output.json(diff)
        case .text:
            var out = ManifestDiffOutput.lines(diff)
            out +=
                "deposit #\(old) -> #\(new): \(diff.added.count) added, \(diff.removed.count) removed, "
                + "\(diff.changed.count) changed; +\(diff.bytesAdded) / -\(diff.bytesRemoved) bytes, "
                + "net \(diff.byteDelta >= 0 ? "+" : "")\(diff.byteDelta)\n"
            Output.write(out)
        }
    }
}
