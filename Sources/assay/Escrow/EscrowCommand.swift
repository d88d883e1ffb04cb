import ArgumentParser

/// `assay escrow …`
struct EscrowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escrow",
        abstract: "Record source-code escrow offers and deposits, verify bundles against deposits, and rebuild them.",
        discussion: """
            A deposit keeps the bundle's manifest, bundle digest, counts and bytes (the bundle itself is not \
            copied). 'escrow verify' compares a bundle with a deposit and records the run, whatever its outcome.
            Exit status of verify: 0 everything matches; 1 any difference or bad signature; 2 error (recorded too).
            'escrow rebuild' builds a verified bundle in a clean environment and records the artefacts it produces.
            """,
        subcommands: [
            OfferCommand.self, EscrowDepositCommand.self, EscrowVerify.self, EscrowDiff.self,
            EscrowHistory.self, EscrowManifest.self, EscrowExpect.self, EscrowRebuildCommand.self,
        ]
    )
}

/// `assay escrow offer …`
struct OfferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer",
        abstract: "Record and list vendors' offers of their source code.",
        subcommands: [OfferAdd.self, OfferList.self, OfferShow.self]
    )
}
