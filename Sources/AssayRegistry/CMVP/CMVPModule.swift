import AssayCore
/// A validated cryptographic module from NIST's CMVP list.
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
    /// Every validation date, oldest first as NIST lists them (the first validation, then revalidations).
    public let validationDates: [CalendarDate]
    /// FIPS 140-2 or FIPS 140-3.
    public let standard: FIPSStandard
    /// The status as NIST gives it (`Active`, `Historical`, `Revoked`).
    public let status: String
    /// The date the validation moves to the historical list.
    public let sunsetDate: CalendarDate?
    /// The overall security level (1–4).
    public let overallLevel: Int?
    /// The module's 1-based position in the file.
    public let record: Int
}

/// The FIPS 140 standard a module was validated against.
public enum FIPSStandard: String, Hashable, Sendable, Codable {
    case fips140_2 = "FIPS 140-2"
    case fips140_3 = "FIPS 140-3"
}
