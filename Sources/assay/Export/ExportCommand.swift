import ArgumentParser

/// `assay export …`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write records in the formats 'assay import' reads, or an evidence pack.",
        subcommands: [ExportEvents.self, ExportCertifications.self, ExportPack.self]
    )
}
