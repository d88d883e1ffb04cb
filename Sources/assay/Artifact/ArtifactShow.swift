import ArgumentParser
import AssayStore

/// `assay artifact show ID`
struct ArtifactShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one artifact.")

    @Argument(help: "The artifact's id.")
    var id: Int64

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let artifact = try store.open(.readOnly).artifact(id)
        try Output.emitRecord(
            artifact, format: output.format,
            fields: [
                ("id", "\(artifact.id)"), ("vendor", artifact.vendor.name), ("name", artifact.name),
                ("size", "\(artifact.size)"), ("sha256", artifact.sha256), ("content digest", artifact.contentDigest),
                ("content manifest", artifact.contentManifestSha256), ("product", artifact.product),
                ("version", artifact.version), ("site", artifact.site), ("label", artifact.label),
                ("added", artifact.addedAt), ("kept at", artifact.storedPath),
            ])
    }
}
