import ArgumentParser
import AssayStore

/// `assay artifact list`
struct ArtifactList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List recorded artifacts.")

    @Option(help: "Only this vendor's artifacts (name, alias or id).")
    var vendor: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let artifacts = try store.open(.readOnly).artifacts(vendor: vendor)
        try Output.emit(artifacts, format: output.format) { Self.table(artifacts) }
    }

    static func table(_ artifacts: [Artifact]) -> TextTable {
        var table = TextTable("ID", "VENDOR", "NAME", "SIZE", "SHA-256", "PRODUCT", "VERSION", "SITE")
        for artifact in artifacts {
            table.add(
                "\(artifact.id)", artifact.vendor.name, artifact.name, "\(artifact.size)",
                String(artifact.sha256.prefix(16)), artifact.product, artifact.version, artifact.site)
        }
        return table
    }
}
