import ArgumentParser

/// `assay artifact …`
struct ArtifactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "artifact",
        abstract: "Record the binaries vendors ship or sites run, and verify them against escrow deposits.",
        discussion: """
            An artefact keeps its name, size and SHA-256 and, when it reads as a package or archive, the bundle \
            digest of its contents (archive metadata left out); the file is kept beside the database. \
            'artifact verify' compares artefacts with what deposits are expected to build ('escrow expect', \
            'escrow rebuild').
            """,
        subcommands: [ArtifactAdd.self, ArtifactList.self, ArtifactShow.self, ArtifactVerify.self]
    )
}
