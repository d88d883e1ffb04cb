import ArgumentParser

/// `assay bundle …`
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Hash source bundles and verify them against manifests, without a database.",
        discussion: """
            A bundle is a directory tree or an archive (tar, tar.gz/xz/bz2/zst, zip; detected from content), \
            read as a stream and never extracted. Symlinks are recorded, never followed. An archive's single \
            top-level folder is stripped (and shown) unless --keep-prefix is given.
            """,
        subcommands: [BundleHash.self, BundleVerify.self]
    )
}
