import ArgumentParser
import AssayCore
import AssayStore

/// `assay risk show ID`
struct RiskShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one risk acceptance.")

    @Argument(help: "The acceptance's id.")
    var id: Int64

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        try Self.emit(try store.open(.readOnly).riskAcceptance(id), format: output.format)
    }

    static func emit(_ acceptance: RiskAcceptance, format: OutputFormat) throws {
        let revocation = acceptance.revocation
        try Output.emitRecord(
            acceptance, format: format,
            fields: [
                ("id", "\(acceptance.id)"),
                ("finding", acceptance.findingId),
                ("vendor", acceptance.vendor.map { "\($0.name) (#\($0.id))" }),
                ("subject", acceptance.subject),
                ("severity", acceptance.severity.rawValue),
                ("owner", acceptance.owner),
                ("reason", acceptance.reason),
                ("ticket", acceptance.ticket),
                ("accepted on", acceptance.acceptedOn.description),
                ("until", acceptance.until.description),
                ("state today", acceptance.state(on: .today).rawValue),
                ("recorded", "\(acceptance.createdAt) by \(acceptance.actor)"),
                ("revoked", revocation.map { "\($0.on) by \($0.actor) (\($0.at)): \($0.reason)" }),
            ])
    }
}
