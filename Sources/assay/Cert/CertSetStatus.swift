import ArgumentParser
import AssayCore
import AssayStore

/// `assay cert set-status ID STATUS`
struct CertSetStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-status",
        abstract: "Record a dated status change: active, suspended, withdrawn or revoked.",
        discussion: "Example: assay cert set-status 3 suspended --effective-on 2025-03-01 --reason \"audit findings\""
    )

    @Argument(help: "The certification's id.")
    var id: Int64

    @Argument(help: "The new status: active, suspended, withdrawn, revoked.")
    var status: String

    @Option(help: ArgumentHelp("When the change took effect (default: today).", valueName: "YYYY-MM-DD"))
    var effectiveOn: String?

    @Option(help: "Why the status changed.")
    var reason: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let newStatus = try convert("STATUS") { () throws(ValueError) in try CertificationStatus(parsing: status) }
        let effective = try convert("--effective-on", effectiveOn, CalendarDate.init(iso:)) ?? .today
        let updated = try store.open().setCertificationStatus(id, to: newStatus, effectiveOn: effective, reason: reason)
        if output.format == .table {
            Output.write("Certification #\(updated.id) is \(newStatus.rawValue) from \(effective)\n")
        } else {
            try CertShow.emit(updated, format: output.format)
        }
    }
}
