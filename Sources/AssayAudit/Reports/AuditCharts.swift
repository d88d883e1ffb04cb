import AssayCore
import AssayStore

/// Geometry of the HTML report's inline SVG charts, computed here so the template only places shapes.
enum AuditCharts {
    /// One bar of the expiry chart: valid certifications whose last day falls in a month.
    struct Bar: Sendable {
        var x: Int
        var y: Int
        var height: Int
        var count: Int
        /// True when the bar has a count to print above it.
        var hasCount: Bool
        var label: String
        /// Month labels are shown every third month to stay legible.
        var showLabel: Bool
    }

    static let chartHeight = 120
    static let barWidth = 24

    /// Valid certifications expiring in each of the 24 months from the audit day's month.
    static func expiryBars(_ certifications: [AuditCertification], asOf: CalendarDate) -> [Bar] {
        let months = 24
        var counts = [Int](repeating: 0, count: months)
        for certification in certifications where certification.validity == .valid {
            guard let until = certification.validUntil else { continue }
            let offset = (until.year - asOf.year) * 12 + until.month - asOf.month
            if offset >= 0 && offset < months { counts[offset] += 1 }
        }
        let highest = max(counts.max() ?? 0, 1)
        return counts.enumerated().map { offset, count in
            let month = (asOf.month - 1 + offset) % 12 + 1
            let year = asOf.year + (asOf.month - 1 + offset) / 12
            let height = count == 0 ? 0 : max(2, count * chartHeight / highest)
            return Bar(
                x: offset * (barWidth + 4), y: chartHeight - height, height: height, count: count, hasCount: count > 0,
                label: "\(year)-\(month < 10 ? "0" : "")\(month)", showLabel: offset % 3 == 0)
        }
    }

    /// One row of the market-access timeline: an event's span on a scale of years.
    struct Span: Sendable {
        var y: Int
        var x: Int
        var width: Int
        var label: String
        var open: Bool
    }

    static let timelineWidth = 640

    /// Restrictions reported by the findings, one row each, from their start to their end (or the audit day).
    static func timeline(_ events: [AuditEvent], asOf: CalendarDate) -> (spans: [Span], years: [(x: Int, year: Int)]) {
        guard !events.isEmpty else { return ([], []) }
        let first = events.map { ($0.effectiveFrom ?? $0.announcedOn).earliest.year }.min() ?? asOf.year
        let last = asOf.year + 1
        let span = max(last - first, 1)
        func x(_ day: CalendarDate) -> Int {
            let position = Double(day.year - first) + Double(day.month - 1) / 12
            return Int(position / Double(span) * Double(timelineWidth))
        }
        let spans = events.enumerated().map { row, event in
            let start = (event.effectiveFrom ?? event.announcedOn).earliest
            let end = event.effectiveTo.map { min($0.latest, asOf) } ?? asOf
            return Span(
                y: row * 22, x: x(start), width: max(x(end) - x(start), 3),
                label: "\(event.jurisdiction.code) \(event.type.label): \(event.vendorName) (#\(event.id))",
                open: event.effectiveTo == nil)
        }
        let step = max(1, span / 8)
        let years = stride(from: first, through: last, by: step).map { year in
            (x: Int(Double(year - first) / Double(span) * Double(timelineWidth)), year: year)
        }
        return (spans, years)
    }
}
