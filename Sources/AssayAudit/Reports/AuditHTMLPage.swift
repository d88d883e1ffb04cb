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

    struct VendorSection {
        var name: String
        var id: Int64
        var anchor: String
        var worst: String
        var items: [Item]
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
    var vendors: [VendorSection]
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
        vendors = AuditOutline.byVendor(report.findings).map { group in
            VendorSection(
                name: group.vendor.name, id: group.vendor.id, anchor: "vendor-\(group.vendor.id)",
                worst: group.findings.map(\.severity).max()?.rawValue ?? "info", items: group.findings.map(Self.item))
        }
        hasVendors = !vendors.isEmpty
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
}
