import AssayCore

/// One row of the FCC Covered List: equipment or services deemed a national-security risk, produced or provided by
/// the entities it names, or a category of equipment (`Routers produced in a foreign country`) that names none.
public struct CoveredListEntry: Hashable, Sendable, Codable {
    /// The row's text as the FCC publishes it.
    public let description: String
    /// The date the row was added to the list; `nil` only for a row naming no entity whose date cell holds no date
    /// (a heading).
    public let dateOfInclusion: CalendarDate?
    /// Later dates the FCC gives for the row (`Updated:January 7, 2026`), in order.
    public let updatedOn: [CalendarDate]
    /// Company names found in the text (`Huawei Technologies Company`), without footnote marks, to match against
    /// vendors; empty for a category of equipment or services.
    public let entityCandidates: [String]
    /// The limitation of the entry's scope (`to the extent it is used for the purpose of public safety…`),
    /// when the text has one.
    public let scopeLimitation: String?
    /// The line the entry starts on.
    public let line: Int

    /// True for a row that names a category of equipment or services, or a heading, rather than companies.
    public var isCategory: Bool { entityCandidates.isEmpty }
}
