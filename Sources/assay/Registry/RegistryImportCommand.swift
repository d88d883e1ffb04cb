import ArgumentParser
import AssayCrypto
import AssayRegistry
import AssayStore

/// `assay registry import cc-portal|cmvp|fcc-covered-list FILE`
struct RegistryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Import a Common Criteria portal CSV, a NIST CMVP modules list or the FCC Covered List, in one transaction.",
        discussion: """
            cc-portal: the portal's certified-products CSV as published (Windows-1252, MM/DD/YYYY dates, one row \
            per maintenance update), active or archived list (--listing, default from the file name). \
            cmvp: NIST's active, historical or revoked modules list as JSON (the list is known from its content: \
            a 'historical_modules' or 'revoked_modules' array, or each row's Status); a field a list does not \
            carry is unknown, not an error. \
            fcc-covered-list: the FCC Covered List table as CSV (covered_equipment_or_services, \
            date_of_inclusion_on_covered_list); each company it names that fits a vendor becomes an \
            equipment-authorization ban (US, FCC, Covered List, applies to affiliates); companies that fit no \
            vendor, or several, are listed, never guessed; rows naming a category of equipment are listed. \
            Importing the same file twice changes nothing and says so.
            """
    )

    @Argument(help: "cc-portal, cmvp or fcc-covered-list.")
    var registry: RegistrySource

    @Argument(help: "The registry file.")
    var file: String

    @Option(help: "For cc-portal: active or archived (default: archived when the file name says so).")
    var listing: CCListing?

    @Flag(help: "Show what would change without writing anything.")
    var dryRun = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if listing != nil && registry != .ccPortal {
            throw ValidationError("--listing applies to cc-portal only; remove it for \(registry.rawValue)")
        }
    }

    func run() throws {
        let entries: (Registry, [RegistryEntry])
        switch registry {
        case .ccPortal:
            var reader = try CCPortalReader(path: file, listing: listing)
            entries = (.ccPortal, try reader.readAll().map(RegistryEntry.init))
        case .cmvp:
            entries = (.cmvp, try CMVPReader.read(path: file).map(RegistryEntry.init))
        case .fccCoveredList:
            let list = try CoveredListReader.read(path: file)
            let report = try store.open().importCoveredList(list, path: file, sha256: try digest(), dryRun: dryRun)
            if output.format == .json { try Output.json(report) } else { write(report) }
            return
        }
        let digest = try digest()
        let opened = try store.open()
        let report = try ProgressMeter.run("importing", unit: "rows") { meter in
            try opened.importRegistry(
                entries.0, entries: entries.1, path: file, sha256: digest, dryRun: dryRun, progress: meter?.handler)
        }
        switch output.format {
        case .json, .csv:
            try Output.emitRecord(
                report, format: output.format,
                fields: [
                    ("registry", entries.0.rawValue), ("path", file), ("sha256", digest), ("rows", "\(report.rows)"),
                    ("added", "\(report.added)"), ("updated", "\(report.updated)"),
                    ("unchanged", "\(report.unchanged)"), ("matched", "\(report.matched)"),
                    ("ambiguous", "\(report.ambiguous.count)"), ("relinked", "\(report.relinked)"),
                    ("dryRun", "\(dryRun)"),
                ])
        case .table:
            write(report)
        }
    }

    /// The file's SHA-256, which the import keeps.
    private func digest() throws -> String {
        try DigestContext.digest(fileAt: file).digest.hex
    }

    private func write(_ report: RegistryImportReport) {
        Output.write(
            "\(dryRun ? "would import" : "imported") \(report.rows) \(registry.rawValue) rows from \(file) "
                + "(sha256 \(report.sha256)): \(report.added) added, \(report.updated) updated, "
                + "\(report.unchanged) unchanged; \(report.matched) matched to vendors\n")
        for item in report.ambiguous { Output.text(item.line) }
        if report.relinked > 0 {
            Output.write("\(report.relinked) records of earlier imports relinked to vendors' current names\n")
        }
        if report.added + report.updated + report.relinked == 0 && !dryRun { Output.write("nothing changed\n") }
    }

    private func write(_ report: CoveredListImportReport) {
        Output.write(
            "\(dryRun ? "would import" : "imported") \(report.rows) \(registry.rawValue) rows from \(file) "
                + "(sha256 \(report.sha256)): \(report.added) added, \(report.updated) updated, "
                + "\(report.unchanged) unchanged\n")
        for event in report.events {
            let verb =
                dryRun && event.change != .unchanged ? "would be \(event.change.rawValue)" : event.change.rawValue
            Output.line("event #\(event.eventId) \(verb): \(event.vendor.name) for '\(event.entity)' (line \(event.line))")
        }
        for entity in report.unmatched {
            Output.line("unmatched: '\(entity.entity)' (line \(entity.line)) fits no vendor; not linked")
        }
        for entity in report.ambiguous {
            let vendors = (entity.vendors ?? []).joined(separator: ", ")
            Output.line("ambiguous: '\(entity.entity)' (line \(entity.line)) fits \(vendors); not linked")
        }
        for category in report.categories {
            let text = category.text.count > 72 ? category.text.prefix(71) + "…" : category.text[...]
            Output.line("category: line \(category.line) names no company: \(text)")
        }
        if report.added + report.updated == 0 && !dryRun { Output.write("nothing changed\n") }
    }
}

/// The registries `registry import` reads: the record registries, and the FCC Covered List, whose entities become
/// market-access events.
enum RegistrySource: String, CaseIterable, ExpressibleByArgument {
    case ccPortal = "cc-portal"
    case cmvp
    case fccCoveredList = "fcc-covered-list"
}

extension Registry: ExpressibleByArgument {}
extension CCListing: ExpressibleByArgument {}
