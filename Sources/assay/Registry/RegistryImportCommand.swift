import ArgumentParser
import AssayRegistry
import AssayStore
import AssayWorkflows

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
    var registry: RegistryFileImport.Source

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
        let request = RegistryFileImport(source: registry, file: file, listing: listing, dryRun: dryRun)
        let imported = try ProgressMeter.run("importing", unit: "rows") { meter in
            try request.run(store: { try store.open() }, progress: meter?.handler)
        }
        switch (imported, output.format) {
        case (.coveredList(let report), .json): try Output.json(report)
        case (.coveredList(let report), _): write(report)
        case (.records(let report), .json), (.records(let report), .csv):
            try Output.emitRecord(
                report, format: output.format,
                fields: [
                    ("registry", report.registry.rawValue), ("path", file), ("sha256", report.sha256),
                    ("rows", "\(report.rows)"), ("added", "\(report.added)"), ("updated", "\(report.updated)"),
                    ("unchanged", "\(report.unchanged)"), ("matched", "\(report.matched)"),
                    ("ambiguous", "\(report.ambiguous.count)"), ("relinked", "\(report.relinked)"),
                    ("dryRun", "\(dryRun)"),
                ])
        case (.records(let report), .table): write(report)
        }
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
            Output.line(
                "event #\(event.eventId) \(verb): \(event.vendor.name) for '\(event.entity)' (line \(event.line))")
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

extension RegistryFileImport.Source: ExpressibleByArgument {}
extension Registry: ExpressibleByArgument {}
extension CCListing: ExpressibleByArgument {}
