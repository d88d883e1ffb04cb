import ArgumentParser
import AssayCore
import AssayWorkflows

/// `assay cert reconcile [--vendor VENDOR]`
struct CertReconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Check claimed Common Criteria and FIPS 140 certifications against imported registries.",
        discussion: """
            Outcomes: active; archived (or historical); revoked; not-found; product-not-covered; \
            version-not-covered; dates-disagree — each with the registry record it rests on. Import the registries \
            first ('assay registry import cc-portal|cmvp FILE'). Exit status 1 when any claim has a problem.
            The vendor may also be given as the first argument instead of --vendor (the older spelling).
            """
    )

    @Option(help: "Only this vendor's claims (name, alias or id; default: every vendor).")
    var vendor: String?

    @Argument(help: .hidden)
    var vendorArgument: String?

    @Option(
        help: ArgumentHelp("Judge archive and sunset dates as of this day (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if vendor != nil && vendorArgument != nil {
            throw ValidationError("the vendor is given twice: keep --vendor and drop the first argument")
        }
    }

    func run() throws {
        let day = try convert("--as-of", asOf, CalendarDate.init(iso:)) ?? .today
        let reconciliation = try ClaimReconciliation.run(
            vendor: vendor ?? vendorArgument, asOf: day, in: try store.open(.readOnly))
        let findings = reconciliation.findings
        try Output.emit(findings, format: output.format) {
            var table = TextTable("CERT", "VENDOR", "SCHEME", "NUMBER", "OUTCOME", "REGISTRY RECORD", "DETAIL")
            for finding in findings {
                table.add(
                    "\(finding.certificationId)", finding.vendor.name, finding.scheme.id, finding.number,
                    finding.outcome.rawValue, finding.registryRecordId.map { "#\($0)" }, finding.message)
            }
            return table
        }
        if !reconciliation.passed { throw ExitCode(1) }
    }
}
