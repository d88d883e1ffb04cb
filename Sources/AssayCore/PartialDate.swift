/// A date known to a year, a month or a day: `2013`, `2013-10`, `2013-10-21`, as public reporting often gives it.
///
/// A partial date stands for every day from ``earliest`` to ``latest``. Comparisons with a day answer
/// honestly: `2013-10` is certainly before 2013-11-01, certainly after 2013-09-30, and *possibly* on or before
/// 2013-10-15 (see ``relation(to:)`` and ``Certainty``). Stored and written as the text it was given in, which
/// sorts correctly as text (`2013` < `2013-10` < `2013-10-21` < `2013-11`).
public struct PartialDate: Hashable, Comparable, Sendable, TextCodable, CustomStringConvertible {
    /// How much of the date is known.
    public enum Precision: String, Sendable, Codable, Comparable {
        case year, month, day

        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int {
            switch self {
            case .year: 0
            case .month: 1
            case .day: 2
            }
        }
    }

    /// The first day the date can mean.
    public let earliest: CalendarDate
    /// The last day the date can mean.
    public let latest: CalendarDate
    /// How much of the date is known.
    public let precision: Precision

    /// A date known to the day.
    public init(_ day: CalendarDate) {
        earliest = day
        latest = day
        precision = .day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public init(parsing text: String) throws(ValueError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count),
            zip(parts, widths).allSatisfy({ $0.count == $1 && $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0])
        else {
            throw ValueError.invalidPartialDate(text)
        }
        do {
            switch parts.count {
            case 1:
                earliest = try CalendarDate(year: year, month: 1, day: 1)
                latest = try CalendarDate(year: year, month: 12, day: 31)
                precision = .year
            case 2:
                let month = Int(parts[1]) ?? 0
                earliest = try CalendarDate(year: year, month: month, day: 1)
                latest = try CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
                precision = .month
            default:
                earliest = try CalendarDate(iso: text)
                latest = earliest
                precision = .day
            }
        } catch {
            throw ValueError.invalidPartialDate(text)
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as known.
    public var description: String {
        switch precision {
        case .year: CalendarDate.padded(earliest.year, 4)
        case .month: String(earliest.description.prefix(7))
        case .day: earliest.description
        }
    }

    /// True when the date is known to the day.
    public var isExact: Bool { precision == .day }

    /// Where `day` lies relative to this date: certainly before it, certainly after it, or within it.
    public func relation(to day: CalendarDate) -> DayRelation {
        if day < earliest { return .before }
        if latest < day { return .after }
        return isExact ? .on : .within
    }

    /// Whether this date is on or before `day`: `.yes` when even its latest day is, `.no` when even its
    /// earliest day is after, `.possibly` otherwise.
    public func isOnOrBefore(_ day: CalendarDate) -> Certainty {
        if latest <= day { return .yes }
        return earliest > day ? .no : .possibly
    }

    /// Whether this date is on or after `day`, by the same rule as ``isOnOrBefore(_:)``.
    public func isOnOrAfter(_ day: CalendarDate) -> Certainty {
        if earliest >= day { return .yes }
        return latest < day ? .no : .possibly
    }

    /// Orders by earliest day, then the less precise first (`2013` before `2013-01` before `2013-01-01`).
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.earliest, lhs.precision) < (rhs.earliest, rhs.precision)
    }

    /// Throws when an end date is certainly before a start date; an overlap (`2019` to `2019-03`) is accepted.
    public static func checkRange(from start: PartialDate?, to end: PartialDate?) throws(ValueError) {
        if let start, let end, end.latest < start.earliest {
            throw ValueError.endBeforeStart(start: start.description, end: end.description)
        }
    }

    /// Parses the text form used in JSON and the database.
    public init(text: String) throws(ValueError) {
        try self.init(parsing: text)
    }
}

/// Where a day lies relative to a ``PartialDate``.
public enum DayRelation: String, Sendable, Codable {
    /// The day is before every day the date can mean.
    case before
    /// The date is exact and is that day.
    case on
    /// The day is one of the days the date can mean: whether it is before, on or after is unknown.
    case within
    /// The day is after every day the date can mean.
    case after
}

/// An answer that partial dates can leave open.
public enum Certainty: String, Sendable, Codable, Comparable {
    case no
    case possibly
    case yes

    /// Both hold: the weaker of the two answers.
    public func and(_ other: Certainty) -> Certainty { min(self, other) }

    public static func < (lhs: Certainty, rhs: Certainty) -> Bool { lhs.rank < rhs.rank }
    private var rank: Int {
        switch self {
        case .no: 0
        case .possibly: 1
        case .yes: 2
        }
    }
}
