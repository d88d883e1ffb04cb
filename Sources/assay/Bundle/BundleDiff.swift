import ArgumentParser
import AssayBundle

/// `assay bundle diff OLD NEW`
struct BundleDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two bundles by content: two builds of a package, a package and a tree, two archives.",
        discussion: """
            Lists the paths added, removed and changed (content, type, executable bit, link target). Two files \
            whose bytes differ but whose content is the same (equal bundle digests: only mtimes, owners, member \
            order or compression differ) are "same content"; a package's control data that differs is shown and \
            never changes the verdict. JSON output: Schemas/bundle-comparison.schema.json.
            Exit status: 0 the same content; 1 it differs (or a side has error findings); 2 error.
            """
    )

    @Argument(help: "The first bundle: a directory, an archive or a package.")
    var old: String

    @Argument(help: "The second bundle.")
    var new: String

    @Option(help: "Output: text or json.")
    var format: ReportFormat = .text

    @OptionGroup var bundle: BundleOptions

    func run() throws {
        let comparison = try ProgressMeter.run("hashing", unit: "files") { meter in
            try BundleComparison.compare(old, new, as: bundle.kind, options: try bundle.readOptions(progress: meter))
        }
        switch format {
        case .json: try Output.json(comparison)
        case .text: Output.write(Self.text(comparison))
        }
        if comparison.exitStatus != 0 { throw ExitCode(comparison.exitStatus) }
    }

    static func text(_ comparison: BundleComparison) -> String {
        let style = TerminalStyle.standardOutput
        var out = ""
        for side in [comparison.old, comparison.new] {
            if let package = side.package { out += TerminalText.line("package: \(package.summary)") + "\n" }
            for finding in side.findings { out += TerminalText.line("\(side.path): \(finding.line)") + "\n" }
        }
        out += ManifestDiffOutput.lines(comparison.diff)
        if !comparison.metadataDifferences.isEmpty {
            out +=
                "note: package metadata differs (not part of the content): "
                + comparison.metadataDifferences.joined(separator: ", ") + "\n"
        }
        let names = TerminalText.line("\(comparison.old.path) and \(comparison.new.path)")
        let digest = "bundle \(comparison.algorithm) \(comparison.old.bundleDigest ?? "-")"
        switch comparison.verdict {
        case .identical:
            out += style.green("IDENTICAL") + " \(names): the same bytes; \(digest)\n"
        case .sameContent:
            out +=
                style.green("SAME CONTENT") + " \(names): \(digest); only archive metadata differs "
                + "(mtimes, owners, member order, compression)\n"
        case .differs:
            let diff = comparison.diff
            let errors = (comparison.old.findings + comparison.new.findings).count { $0.severity == .error }
            out +=
                style.red("DIFFERS") + " \(names): \(diff.added.count) added, \(diff.removed.count) removed, "
                + "\(diff.changed.count) changed" + (errors > 0 ? ", \(errors) error findings" : "") + "\n"
        }
        return out
    }
}
