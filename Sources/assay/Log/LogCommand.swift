import ArgumentParser

/// `assay log …`
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Read and verify the hash-chained audit log of every change.",
        subcommands: [LogList.self, LogVerify.self, LogCheckpointCommand.self],
        defaultSubcommand: LogList.self
    )
}
