/// A value typed by a user or read from a file that is not valid, with a message that says how to fix it.
public enum ValueError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidDate(String)
    case invalidPartialDate(String)
    case endBeforeStart(start: String, end: String)
    case invalidJurisdiction(String)
    case invalidSpan(String)
    case invalidCountry(String)
    case invalidLEI(String, reason: String)
    case invalidIdentifier(String)
    case invalidSchemeDetail(scheme: String, reason: String)
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
        case .invalidSpan: "value.span"
        case .invalidCountry: "value.country"
        case .invalidLEI: "value.lei"
        case .invalidIdentifier: "value.identifier"
        case .invalidSchemeDetail: "value.scheme-detail"
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
            "invalid jurisdiction '\(text)': expected an ISO 3166-1 alpha-2 code such as US or GB, or a bloc: EU, EEA"
        case .invalidSpan(let text):
            "invalid time span '\(text)': expected a number of days like 90d, 12w, 6m or 1y"
        case .invalidCountry(let text):
            "invalid country '\(text)': expected an ISO 3166-1 alpha-2 code such as CN, US or DE"
        case .invalidLEI(let text, let reason):
            "invalid LEI '\(text)': \(reason)"
        case .invalidIdentifier(let text):
            "invalid identifier '\(text)': expected KIND=VALUE, for example duns=123456789"
        case .invalidSchemeDetail(let scheme, let reason):
            "invalid \(scheme) details: \(reason)"
        case .invalidEnumValue(let field, let value, let allowed):
            "invalid \(field) '\(value)': expected one of \(allowed.joined(separator: ", "))"
        case .emptyValue(let field):
            "\(field) must not be empty"
        case .controlCharacter(let field, let character):
            "\(field) contains the control character \(character): names and identifiers must be plain text "
                + "(no control characters, line breaks or bidirectional overrides)"
        }
    }
}
