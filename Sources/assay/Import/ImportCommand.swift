import ArgumentParser

/// `assay import …`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import records from files in Assay's documented formats.",
        discussion: """
            Each import is one transaction: every row or none. Problems are reported as FILE:LINE:FIELD: REASON, \
            all at once, with exit code 2. Importing the same file again changes nothing.
            """,
        subcommands: [ImportEvents.self, ImportCertifications.self]
    )
}
