/// Where a market-access event applies: an ISO 3166-1 alpha-2 country, or a bloc such as the EU.
public struct Jurisdiction: Hashable, Comparable, Sendable, TextCodable, CustomStringConvertible {
    /// `CN`, `US`, `EU`, … (upper case).
    public let code: String

    /// Blocs accepted besides countries, with their names.
    public static let blocs: [String: String] = [
        "EU": "European Union",
        "EEA": "European Economic Area",
    ]

    /// Validates a country code or bloc, accepting lower case.
    public init(_ text: String) throws(ValueError) {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        if Self.blocs[upper] != nil {
            code = upper
        } else {
            do {
                code = try CountryCode(upper).code
            } catch {
                throw ValueError.invalidJurisdiction(text)
            }
        }
    }

    /// ` (did you mean 'DE'?)` for a common mistake or a country's or bloc's name, else nothing.
    static func suggestion(for text: String) -> String {
        CountryCode.suggestion(for: text, names: blocs)
    }

    /// The country's or bloc's name.
    public var name: String { Self.blocs[code] ?? (try? CountryCode(code).name) ?? code }

    /// True for a bloc rather than a country.
    public var isBloc: Bool { Self.blocs[code] != nil }

    public var description: String { code }

    public static func < (lhs: Jurisdiction, rhs: Jurisdiction) -> Bool { lhs.code < rhs.code }

    /// Parses the text form used in JSON and the database.
    public init(text: String) throws(ValueError) {
        try self.init(text)
    }
}
