import ArgumentParser

/// `assay event …`
struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "Record market-access events: listings, bans, restrictions, market exits, scandals.",
        discussion: """
            Types: entity-list-listing, sanctions-listing, equipment-authorization-ban, procurement-ban, \
            high-risk-vendor-restriction, market-exit, market-entry, investigation, scandal-or-allegation, \
            fine-or-settlement, delisting-or-lifting. Statuses: active, lifted, expired, disputed.
            Dates may be partial: 2013, 2013-10 or 2013-10-21. An event is in force on a day D when its start \
            (effective-from, else announced-on) is on or before D and its effective-to (inclusive) is not before \
            D; a partial date that straddles D makes the answer "possibly", and a lifted, expired (without an \
            end date) or disputed event is never more than possibly in force.
            """,
        subcommands: [EventAdd.self, EventList.self, EventShow.self, EventEdit.self, EventRemove.self]
    )
}
