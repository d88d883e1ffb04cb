import ArgumentParser

/// `assay pack …`
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Check evidence packs ('assay export pack') offline.",
        subcommands: [PackVerify.self]
    )
}
