import AssayCore
import AssayStore

/// The data the HTML template shows, prepared from a report and its snapshot. Plain values: the template
/// escapes every one of them (see ``AuditHTMLRenderer``).
struct AuditHTMLPage {
    struct Tile {
        var severity: String
        var count: Int
    }

    struct Item {
        var id: String
        var severity: String
        var kind: String
        var subject: String
        var message: String
    }

    struct AcceptedItem {
        var id: String
        var severity: String
        var vendor: String
        var message: String
        var terms: String
    }

    struct EscrowRow {
        var vendor: String
        var offer: String
        var deposit: String
        var runs: Int
        var lastRun: String
        var lastPassed: String
        var state: String
    }

    var title: String
    var asOf: String
    var generatedAt: String
    var policyDigest: String
    var logHead: String
    var logState: String
    var vendorsEvaluated: Int
    var countLine: String
    var tiles: [Tile]
    var general: [Item]
    var hasGeneral: Bool
    /// The findings by vendor as HTML, escaped: written here rather than by the template, whose reflection over
    /// every finding took most of a large report's time.
    var vendorSections: String
    var hasVendors: Bool
    var accepted: [AcceptedItem]
    var hasAccepted: Bool
    var bars: [AuditCharts.Bar]
    var chartWidth: Int
    var spans: [AuditCharts.Span]
    var years: [YearMark]
    var timelineHeight: Int
    var hasTimeline: Bool
    var timelineNote: String
    var escrow: [EscrowRow]
    var hasEscrow: Bool

    struct YearMark {
        var x: Int
        var year: Int
    }

    init(report: AuditReport, snapshot: AuditSnapshot) {
        title = "Audit report as of \(report.asOf)"
        asOf = report.asOf.description
        generatedAt = report.generatedAt
        policyDigest = report.policyDigest
        logHead = report.logHead.map { "entry \($0.seq), \($0.hash)" } ?? "empty"
        logState = report.logIntact ? "chain and records intact" : "BROKEN"
        vendorsEvaluated = report.vendorsEvaluated
        countLine = report.countLine
        tiles = Severity.allCases.reversed().map { Tile(severity: $0.rawValue, count: report.counts[$0]) }
        general = report.findings.filter { $0.vendor == nil }.map(Self.item)
        hasGeneral = !general.isEmpty
        let groups = AuditOutline.byVendor(report.findings)
        vendorSections = Self.html(groups)
        hasVendors = !groups.isEmpty
        accepted = report.accepted.map { finding in
            AcceptedItem(
                id: finding.id, severity: finding.severity.rawValue, vendor: finding.vendor?.name ?? "",
                message: finding.message, terms: finding.acceptance?.terms ?? "")
        }
        hasAccepted = !accepted.isEmpty
        bars = AuditCharts.expiryBars(snapshot.certifications, asOf: snapshot.asOf)
        chartWidth = bars.count * (AuditCharts.barWidth + 4)
        let restricted = Set(report.findings.filter { $0.kind == .marketRestriction }.compactMap(\.vendor?.id))
        var seen = Set<Int64>()
        let events = restricted.sorted().flatMap { snapshot.events(bearingOn: $0) }.map(\.event)
            .filter { $0.type.isRestriction && seen.insert($0.id).inserted }
            .sorted { ($0.effectiveFrom ?? $0.announcedOn, $0.id) < ($1.effectiveFrom ?? $1.announcedOn, $1.id) }
        let shown = events.prefix(Self.timelineLimit)
        timelineNote =
            events.count > shown.count
            ? "The \(shown.count) earliest of \(events.count) restrictions are drawn; every one is listed above." : ""
        let timeline = AuditCharts.timeline(Array(shown), asOf: snapshot.asOf)
        spans = timeline.spans
        years = timeline.years.map { YearMark(x: $0.x, year: $0.year) }
        timelineHeight = spans.count * 22 + 24
        hasTimeline = !spans.isEmpty
        let names = Dictionary(snapshot.vendors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        escrow = snapshot.offers.map { offer in
            let deposit = offer.latestDeposit
            return EscrowRow(
                vendor: names[offer.vendorId] ?? "#\(offer.vendorId)", offer: offer.subject,
                deposit: deposit.map { "\($0.subject), \($0.depositedOn)" } ?? "none",
                runs: deposit?.runs ?? 0,
                lastRun: deposit?.lastRun.map { "\($0.outcome.rawValue) on \($0.on)" } ?? "never",
                lastPassed: deposit?.lastPassed.map { $0.on.description } ?? "never",
                state: deposit?.lastRun?.outcome.rawValue ?? "unverified")
        }
        hasEscrow = !escrow.isEmpty
    }

    /// Rows drawn on the market-access timeline; a page with thousands of rows helps no reader.
    static let timelineLimit = 200

    private static func item(_ finding: Finding) -> Item {
        Item(
            id: finding.id, severity: finding.severity.rawValue, kind: finding.kind.rawValue,
            subject: finding.subject, message: finding.message)
    }

    /// One section per vendor with a table of its findings, as the template's other tables are written.
    private static func html(_ groups: [(vendor: FindingVendor, findings: [Finding])]) -> String {
        let escape = HTMLRenderer.escape
        var out = ""
        for group in groups {
            let worst = escape(group.findings.map(\.severity).max()?.rawValue ?? "info")
            out += "<section class=\"vendor\" id=\"vendor-\(group.vendor.id)\">\n<h3>\(escape(group.vendor.name)) "
            out += "<span class=\"id\">#\(group.vendor.id)</span> <span class=\"sev \(worst)\">\(worst)</span></h3>\n"
            out += "<table><tr><th>Severity</th><th>Subject</th><th>Finding</th><th>Id</th></tr>\n"
            for finding in group.findings {
                let severity = escape(finding.severity.rawValue)
                out += "<tr><td><span class=\"sev \(severity)\">\(severity)</span></td><td>\(escape(finding.subject))"
                out += "</td><td>\(escape(finding.message))</td><td class=\"id\">\(escape(finding.id))</td></tr>\n"
            }
            out += "</table>\n</section>\n"
        }
        return out
    }
}
