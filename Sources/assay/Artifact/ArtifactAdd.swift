import ArgumentParser
import AssayStore

/// `assay artifact add VENDOR FILE…`
struct ArtifactAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record binaries a vendor ships or a site runs.",
        discussion: "Every file is recorded in one transaction: when one cannot be read, none is recorded."
    )

    @Argument(help: "The vendor's name, alias or id.")
    var vendor: String

    @Argument(help: "The binaries: executables, packages (.deb, .rpm, .ipk) or archives.")
    var files: [String]

    @Option(help: "The product the binaries belong to.")
    var product: String?

    @Option(help: "The product version.")
    var version: String?

    @Option(help: "Where the binaries run.")
    var site: String?

    @Option(help: "A label, such as the host or the image.")
    var label: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let draft = ArtifactDraft(vendor: vendor, product: product, version: version, site: site, label: label)
        let added = try store.open().addArtifacts(draft, files: files)
        if output.format == .table {
            for (artifact, again) in added {
                Output.line(
                    (again ? "Already recorded" : "Recorded") + " artifact #\(artifact.id) \(artifact.name) "
                        + "sha256:\(artifact.sha256)"
                        + (artifact.contentDigest.map { " (content \($0))" } ?? ""))
            }
        } else {
            let artifacts = added.map(\.artifact)
            try Output.emit(artifacts, format: output.format) { ArtifactList.table(artifacts) }
        }
    }
}
