import Foundation

/// A certification scheme: one of the built-in catalogue, or a custom name.
///
/// The identifier is what users type (`--scheme iso27001`) and what is stored.
public struct CertificationScheme: Hashable, Sendable, TextCodable, CustomStringConvertible {
    /// The stored identifier: a catalogue id such as `cc`, or a custom name as given.
    public let id: String

    /// The built-in schemes and what their details mean.
    public enum Builtin: String, CaseIterable, Sendable {
        case iso27001
        case commonCriteria = "cc"
        case eucc
        case fips140_2 = "fips140-2"
        case fips140_3 = "fips140-3"
        case soc2
        case csaStar = "csa-star"
        case nesas
        case x509

        /// The scheme's full name.
        public var title: String {
            switch self {
            case .iso27001: "ISO/IEC 27001"
            case .commonCriteria: "Common Criteria (ISO/IEC 15408)"
            case .eucc: "EU Common Criteria-based scheme (EUCC)"
            case .fips140_2: "FIPS 140-2"
            case .fips140_3: "FIPS 140-3"
            case .soc2: "SOC 2"
            case .csaStar: "CSA STAR"
            case .nesas: "GSMA NESAS/SCAS"
            case .x509: "X.509 digital certificate"
            }
        }

        /// Folded spellings that name this scheme: its id, its title and common short forms.
        var spellings: Set<String> {
            let extra: [String] =
                switch self {
                case .iso27001: ["isoiec27001", "iso27001"]
                case .commonCriteria: ["commoncriteria", "iso15408", "isoiec15408"]
                case .eucc: ["eucc"]
                case .fips140_2, .fips140_3: []
                case .soc2: ["soc2", "soc2typei", "soc2typeii"]
                case .csaStar: ["csastar", "star"]
                case .nesas: ["nesas", "gsmanesas", "gsmanesasscas", "scas"]
                case .x509: ["x509"]
                }
            return Set([rawValue, title].map(CertificationScheme.fold) + extra)
        }

        /// What `--level` means for this scheme, and the values it accepts (empty: the scheme has no level).
        public var levels: [String] {
            switch self {
            case .commonCriteria: (1...7).flatMap { ["EAL\($0)", "EAL\($0)+"] }
            case .eucc: ["substantial", "high"]
            case .fips140_2, .fips140_3: ["1", "2", "3", "4"]
            case .soc2: ["I", "II"]
            case .csaStar: ["1", "2"]
            case .iso27001, .nesas, .x509: []
            }
        }
    }

    /// A scheme from its identifier or name: catalogue ids and titles match ignoring case, spaces and punctuation
    /// (`ISO27001`, `ISO/IEC 27001`, `FIPS 140-3`, `Common Criteria`, `SOC 2`, `X.509`); anything else is a custom
    /// scheme kept as written. This is how stored and imported schemes are read; text typed by a user goes
    /// through ``init(parsing:)`` or ``init(custom:)``.
    public init(_ text: String) throws(ValueError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw ValueError.emptyValue(field: "scheme") }
        let folded = Self.fold(trimmed)
        id = Builtin.allCases.first { builtin in builtin.spellings.contains(folded) }?.rawValue ?? trimmed
    }

    /// A scheme of the catalogue, matched as by ``init(_:)``; anything else is refused with the closest
    /// catalogue scheme as a suggestion, so that a typo (`iso2700`) never becomes a custom scheme.
    public init(parsing text: String) throws(ValueError) {
        let scheme = try CertificationScheme(text)
        guard scheme.builtin != nil else { throw ValueError.unknownScheme(text) }
        self = scheme
    }

    /// A custom scheme outside the catalogue, asked for explicitly; a name of a catalogue scheme gives that one.
    public init(custom text: String) throws(ValueError) {
        try self.init(text)
    }

    /// ` (did you mean 'iso27001'?)` for the catalogue scheme closest to `text`, else nothing.
    static func suggestion(for text: String) -> String {
        var search = SpellingSuggestion(for: fold(text))
        for builtin in Builtin.allCases {
            for spelling in builtin.spellings.sorted() { search.consider(spelling, shown: builtin.rawValue) }
        }
        return search.suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Lower case without spaces or punctuation: `ISO/IEC 27001` → `isoiec27001`.
    private static func fold(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter(CharacterSet.alphanumerics.contains))
    }

    /// The catalogue entry, or `nil` for a custom scheme.
    public var builtin: Builtin? { Builtin(rawValue: id) }

    /// The scheme's full name (a custom scheme's is its identifier).
    public var title: String { builtin?.title ?? id }

    public var description: String { id }

    /// Checks and normalises scheme-specific details, returning the canonical level text.
    ///
    /// Common Criteria levels are `EAL1`–`EAL7` with `+` when augmented; FIPS 140 levels 1–4; SOC 2 types I/II
    /// (Type II needs an audit period); CSA STAR levels 1/2; EUCC `substantial` or `high`.
    public func normalizedLevel(_ level: String?, auditPeriod: ClosedRange<CalendarDate>?) throws(ValueError) -> String?
    {
        guard let builtin else { return level }
        if builtin == .soc2, level?.uppercased() == "II", auditPeriod == nil {
            throw ValueError.invalidSchemeDetail(
                scheme: title, reason: "a Type II report needs an audit period")
        }
        guard let level else { return nil }
        if builtin.levels.isEmpty {
            throw ValueError.invalidSchemeDetail(scheme: title, reason: "this scheme has no level")
        }
        var folded = level.trimmingCharacters(in: .whitespaces)
        for prefix in ["level ", "type ", "l"] where folded.lowercased().hasPrefix(prefix) && builtin != .eucc {
            folded = String(folded.dropFirst(prefix.count))
        }
        if builtin == .commonCriteria, !folded.uppercased().hasPrefix("EAL") { folded = "EAL" + folded }
        guard let match = builtin.levels.first(where: { $0.lowercased() == folded.lowercased() }) else {
            throw ValueError.invalidSchemeDetail(
                scheme: title,
                reason: "level '\(level)' is not one of \(builtin.levels.joined(separator: ", "))"
            )
        }
        return match
    }

    /// Parses the text form used in JSON and the database.
    public init(text: String) throws(ValueError) {
        try self.init(text)
    }
}
