import AssayCore
/// One entry of the FCC Covered List: equipment or services deemed a national-security risk.
public struct CoveredListEntry: Hashable, Sendable, Codable {
    /// The entry's text as the FCC publishes it.
    public let description: String
    /// The date the entry was added to the list.
    public let dateOfInclusion: CalendarDate
    /// Company names found in the text (`Huawei Technologies Company`), to match against vendors.
    public let entityCandidates: [String]
    /// The limitation of the entry's scope (`to the extent it is used for the purpose of public safety…`),
    /// when the text has one.
    public let scopeLimitation: String?
    /// The line the entry starts on.
    public let line: Int
}
