/// A value typed by a user or read from a file that is not valid, with a message that says how to fix it.
public enum ValueError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidDate(String)
    case invalidPartialDate(String)
    case endBeforeStart(start: String, end: String)
    case invalidJurisdiction(String)
    /// Not a number followed by a unit (`s`, `min`, `h`, `d`, `w`, `mo`, `y`).
    case invalidDuration(String)
    /// `m` alone, which could be months or minutes.
    case ambiguousUnit(String)
    /// A duration whose unit is not a calendar one (`d`, `w`, `mo`, `y`) where a span of days is expected.
    case invalidSpan(String)
    /// A duration that is not a positive number of seconds, minutes, hours, days or weeks.
    case invalidInterval(String)
    /// Not a whole number of bytes, optionally followed by K, M, G, T or P.
    case invalidSize(String)
    case invalidCountry(String)
    case invalidLEI(String, reason: String)
    case invalidIdentifier(String)
    case invalidSchemeDetail(scheme: String, reason: String)
    /// Not a scheme of the catalogue, where only those are accepted (a custom scheme must be asked for).
    case unknownScheme(String)
    case invalidEnumValue(field: String, value: String, allowed: [String])
    case emptyValue(field: String)
    /// A name or identifier holds a control or bidirectional formatting character, written `U+001B`.
    case controlCharacter(field: String, character: String)

    /// A stable identifier for scripts and tests.
    public var code: String {
        switch self {
        case .invalidDate: "value.date"
        case .invalidPartialDate: "value.partial-date"
        case .endBeforeStart: "value.date-range"
        case .invalidJurisdiction: "value.jurisdiction"
        case .invalidDuration: "value.duration"
        case .ambiguousUnit: "value.ambiguous-unit"
        case .invalidSpan: "value.span"
        case .invalidInterval: "value.interval"
        case .invalidSize: "value.size"
        case .invalidCountry: "value.country"
        case .invalidLEI: "value.lei"
        case .invalidIdentifier: "value.identifier"
        case .invalidSchemeDetail: "value.scheme-detail"
        case .unknownScheme: "value.scheme"
        case .invalidEnumValue: "value.enum"
        case .emptyValue: "value.empty"
        case .controlCharacter: "value.control-character"
        }
    }

    public var description: String {
        switch self {
        case .invalidDate(let text):
            "invalid date '\(text)': expected an existing day as YYYY-MM-DD"
        case .invalidPartialDate(let text):
            "invalid date '\(text)': expected YYYY, YYYY-MM or YYYY-MM-DD (an existing month or day)"
        case .endBeforeStart(let start, let end):
            "the end date \(end) is before the start date \(start)"
        case .invalidJurisdiction(let text):
            "invalid jurisdiction '\(text)'\(Jurisdiction.suggestion(for: text)): expected an ISO 3166-1 alpha-2 code "
                + "such as US or GB, or a bloc: EU, EEA"
        case .invalidDuration(let text):
            "invalid duration '\(text)': expected a whole number and a unit: d, w, mo or y for days, weeks, months "
                + "or years (90d, 6mo); h, min or s for hours, minutes or seconds (24h, 30min)"
        case .ambiguousUnit(let text):
            "ambiguous duration '\(text)': write 'mo' for months or 'min' for minutes"
        case .invalidSpan(let text):
            "invalid span of days '\(text)': expected days, weeks, months or years, such as 90d, 12w, 6mo or 1y"
        case .invalidInterval(let text):
            "invalid interval '\(text)': expected a positive number of seconds, minutes, hours, days or weeks, "
                + "such as 90s, 30min, 24h or 7d (months and years have no fixed length)"
        case .invalidSize(let text):
            "invalid size '\(text)': expected a whole number of bytes, optionally followed by K, M, G, T or P "
                + "(binary units: 16T is 16 TiB)"
        case .invalidCountry(let text):
            "invalid country '\(text)'\(CountryCode.suggestion(for: text)): expected an ISO 3166-1 alpha-2 code "
                + "such as CN, US or DE"
        case .invalidLEI(let text, let reason):
            "invalid LEI '\(text)': \(reason)"
        case .invalidIdentifier(let text):
            "invalid identifier '\(text)': expected KIND=VALUE, for example duns=123456789"
        case .invalidSchemeDetail(let scheme, let reason):
            "invalid \(scheme) details: \(reason)"
        case .unknownScheme(let text):
            "unknown scheme '\(text)'\(CertificationScheme.suggestion(for: text)): expected one of "
                + CertificationScheme.Builtin.allCases.map(\.rawValue).joined(separator: ", ")
        case .invalidEnumValue(let field, let value, let allowed):
            "invalid \(field) '\(value)'"
                + SpellingSuggestion.clause(
                    for: value.trimmingCharacters(in: .whitespaces).lowercased(), among: allowed)
                + ": expected one of \(allowed.joined(separator: ", "))"
        case .emptyValue(let field):
            "\(field) must not be empty"
        case .controlCharacter(let field, let character):
            "\(field) contains the control character \(character): names and identifiers must be plain text "
                + "(no control characters, line breaks or bidirectional overrides)"
        }
    }
}
