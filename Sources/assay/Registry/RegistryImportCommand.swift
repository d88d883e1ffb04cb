import ArgumentParser
import AssayCrypto
import AssayRegistry
import AssayStore

/// `assay registry import cc-portal|cmvp FILE`
struct RegistryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a Common Criteria portal CSV or NIST's CMVP modules JSON in one transaction.",
        discussion: """
            cc-portal: the portal's certified-products CSV as published (Windows-1252, MM/DD/YYYY dates, one row \
            per maintenance update), active or archived list (--listing, default from the file name). \
            cmvp: NIST's validated-modules JSON. Importing the same file twice changes nothing and says so.
            """
    )

    @Argument(help: "cc-portal or cmvp.")
    var registry: Registry

    @Argument(help: "The registry file.")
    var file: String

    @Option(help: "For cc-portal: active or archived (default: archived when the file name says so).")
    var listing: CCListing?

    @Flag(help: "Show what would change without writing anything.")
    var dryRun = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let entries: [RegistryEntry]
        switch registry {
        case .ccPortal:
            var reader = try CCPortalReader(path: file, listing: listing)
            entries = try reader.readAll().map(RegistryEntry.init)
        case .cmvp:
            entries = try CMVPReader.read(path: file).map(RegistryEntry.init)
        }
        let digest = try Hasher.digest(fileAt: file).digest.hex
        let opened = try store.open()
        let report = try ProgressMeter.run("importing", unit: "rows") { meter in
            try opened.importRegistry(
                registry, entries: entries, path: file, sha256: digest, dryRun: dryRun, progress: meter?.handler)
        }
        switch output.format {
        case .json, .csv:
            try Output.emitRecord(
                report, format: output.format,
                fields: [
                    ("registry", registry.rawValue), ("path", file), ("sha256", digest), ("rows", "\(report.rows)"),
                    ("added", "\(report.added)"), ("updated", "\(report.updated)"),
                    ("unchanged", "\(report.unchanged)"), ("matched", "\(report.matched)"),
                    ("ambiguous", "\(report.ambiguous.count)"), ("dryRun", "\(dryRun)"),
                ])
        case .table:
            let verb = dryRun ? "would import" : "imported"
            Output.write(
                "\(verb) \(report.rows) \(registry.rawValue) rows from \(file) (sha256 \(digest)): "
                    + "\(report.added) added, \(report.updated) updated, \(report.unchanged) unchanged; "
                    + "\(report.matched) matched to vendors\n")
            for item in report.ambiguous {
                Output.line(
                    "ambiguous: '\(item.manufacturer)' fits \(item.vendors.joined(separator: ", ")); not linked")
            }
            if report.added + report.updated == 0 && !dryRun { Output.write("nothing changed\n") }
        }
    }
}

extension Registry: ExpressibleByArgument {}
extension CCListing: ExpressibleByArgument {}
