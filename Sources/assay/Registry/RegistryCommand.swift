import ArgumentParser

/// `assay registry …`
struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Import public certification registries as reference records, beside vendors' claims.",
        discussion: """
            Registry rows never become claims: 'assay cert reconcile' checks claims against them. Manufacturer \
            names are matched to vendors and aliases after normalising case, punctuation and legal suffixes \
            (Co., Ltd., Inc., GmbH…); a name that fits several vendors is reported, never merged.
            """,
        subcommands: [RegistryImportCommand.self, RegistryList.self]
    )
}
