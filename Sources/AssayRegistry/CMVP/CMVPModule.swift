import AssayCore

/// A validated cryptographic module from one of NIST's CMVP lists (active, historical or revoked).
///
/// The lists carry different fields: the active list has the standard, sunset date and level, the historical and
/// revoked lists often do not. A field the list does not carry is `nil` (unknown), never a guess.
public struct CMVPModule: Hashable, Sendable, Codable {
    /// The certificate number (`5215`).
    public let certificateNumber: Int
    /// The vendor as NIST spells it; empty for the few entries the published list leaves blank.
    public let vendor: String
    /// The module name with line breaks and runs of spaces collapsed (from `module_name` when `Module Name`
    /// is blank); empty when the list gives neither.
    public let moduleName: String
    /// The module type with consistent casing (`Software`, `Firmware-Hybrid`).
    public let moduleType: String
    /// Every validation date, oldest first as NIST lists them (the first validation, then revalidations); empty
    /// when the list gives none.
    public let validationDates: [CalendarDate]
    /// FIPS 140-2 or FIPS 140-3; `nil` when the list does not say.
    public let standard: FIPSStandard?
    /// `Active`, `Historical` or `Revoked`: the row's own status, else the list's.
    public let status: String
    /// The date the validation moves to the historical list.
    public let sunsetDate: CalendarDate?
    /// The overall security level (1–4).
    public let overallLevel: Int?
    /// The module's 1-based position in its list.
    public let record: Int
}

/// The FIPS 140 standard a module was validated against.
public enum FIPSStandard: String, Hashable, Sendable, Codable {
    case fips140_2 = "FIPS 140-2"
    case fips140_3 = "FIPS 140-3"
}
