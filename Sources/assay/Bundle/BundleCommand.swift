import ArgumentParser

/// `assay bundle …`
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Hash source bundles and verify them against manifests, without a database.",
        discussion: """
            A bundle is a directory tree or an archive (tar, tar.gz/xz/bz2/zst, zip; detected from content), \
            read as a stream and never extracted. Symlinks are recorded, never followed. An archive's single \
            top-level folder is stripped (and shown) unless --keep-prefix is given. A package (.deb, .rpm, .ipk; \
            detected from content) is read as its installed payload, with paths as installed (usr/bin/hello); its \
            control data is reported beside it, never part of the bundle digest.
            """,
        subcommands: [BundleHash.self, BundleVerify.self, BundleDiff.self]
    )
}
