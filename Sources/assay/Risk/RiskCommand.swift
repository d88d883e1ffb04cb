import ArgumentParser

/// `assay risk …`
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Accept audit findings as risks until a day; list, show and revoke acceptances.",
        discussion: """
            A finding is named by its stable id from the audit reports (market-restriction:vendor-3-event-9). \
            An accepted finding is listed in the audit's "Accepted risks" section and not counted (--fail-on \
            ignores it) from the day it is accepted through its last day; after that it counts again, with an \
            acceptance-expired finding. The policy's acceptance.maxDays caps how long a finding of each severity \
            may be accepted. Every change is in the audit log (risk.accept, risk.revoke).
            Exit status: 0 done; 2 error (nothing was written); 64 usage error.
            """,
        subcommands: [RiskAccept.self, RiskList.self, RiskShow.self, RiskRevoke.self]
    )
}
