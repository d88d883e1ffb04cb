import Foundation

/// A `validFor` time range of a trusted-root key or authority: a required start and an optional end, both
/// inclusive (Sigstore's `TimeRange` is a closed interval).
struct ValidityWindow: Equatable {
    let start: Date
    let end: Date?

    /// Reads `validFor` from `fields` (a public key or authority object); the start is required.
    init(_ fields: JSONFields) throws(ProvenanceError) {
        let window = try fields.object("validFor")
        start = try Self.date(window, "start")
        end = window.has("end") ? try Self.date(window, "end") : nil
    }

    func contains(_ date: Date) -> Bool { date >= start && (end.map { date <= $0 } ?? true) }

    var description: String {
        "\(start.formatted(.iso8601)) to \(end.map { $0.formatted(.iso8601) } ?? "open end")"
    }

    /// An RFC 3339 instant, with or without fractional seconds.
    static func date(_ fields: JSONFields, _ key: String) throws(ProvenanceError) -> Date {
        let text = try fields.string(key)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { throw fields.malformed(key, "not an RFC 3339 time") }
        return date
    }
}
