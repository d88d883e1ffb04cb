import ArgumentParser
import AssayBundle
import AssayWorkflows

/// `assay bundle hash PATH`
struct BundleHash: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Hash a bundle and write its manifest.",
        discussion: """
            Formats: json (Assay's canonical manifest, Schemas/manifest.schema.json: every entry type, sizes, \
            executable bits, findings and the bundle digest), sha256sum (GNU lines), bsd (tagged lines), \
            bagit (manifest-<alg>.txt) and hashdeep. Line formats list files only.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, sha256sum, bsd, bagit, hashdeep

        var manifestFormat: ManifestFormat {
            switch self {
            case .json: .assay
            case .sha256sum: .gnu
            case .bsd: .bsd
            case .bagit: .bagit
            case .hashdeep: .hashdeep
            }
        }
    }

    @Argument(help: "The bundle: a directory, an archive or a package (.deb, .rpm, .ipk).")
    var path: String

    @Option(help: "Manifest format: json, sha256sum, bsd, bagit, hashdeep.")
    var format: Format = .json

    @Option(name: .shortAndLong, help: "Write the manifest to this file instead of stdout.")
    var output: String?

    @OptionGroup var bundle: BundleOptions

    func run() throws {
        let manifest = try ProgressMeter.run("hashing", unit: "files") { meter in
            try BundleHashing.hash(
                path, as: bundle.kind, options: try bundle.readOptions(progress: meter), writingTo: output,
                format: format.manifestFormat)
        }
        if output == nil {
            try BundleHashing.write(manifest, as: format.manifestFormat) { Output.write(bytes: $0) }
        }
        let summary =
            "\(manifest.totals.files) files, \(manifest.totals.directories) directories, "
            + "\(manifest.totals.symlinks) symlinks, \(manifest.totals.bytes) bytes"
        Output.note(
            "hashed \(path): \(summary)"
                + (manifest.strippedPrefix.map { "; stripped top-level folder '\($0)'" } ?? "")
                + (manifest.bundleDigest.map { "; bundle \(manifest.algorithm.rawValue) \($0.hex)" } ?? ""))
        if let package = manifest.package {
            Output.note(TerminalText.line("package: \(package.summary); control data is not part of the bundle digest"))
        }
        for finding in manifest.findings where finding.severity != .info {
            Output.note(finding.line)
        }
    }
}
