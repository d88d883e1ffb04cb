import ArgumentParser

/// `assay provenance …`
struct ProvenanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provenance",
        abstract: "Check provenance evidence (in-toto, DSSE, Sigstore) against files, without a database.",
        subcommands: [ProvenanceVerify.self]
    )
}
