import AssayCore

/// The public registries Assay imports.
public enum Registry: String, CaseIterable, Codable, Sendable {
    /// The Common Criteria portal's certified-products list.
    case ccPortal = "cc-portal"
    /// NIST's CMVP validated-modules list (FIPS 140-2/140-3).
    case cmvp
}

/// One entry of a public registry, as imported: a reference record, never a vendor's claim.
public struct RegistryRecord: Codable, Sendable, Equatable, SQLNumberedRecord {
    public static let databaseTableName = "registryRecord"
    public var id: Int64?
    public var registry: Registry
    /// What identifies the entry within its registry (a CMVP certificate number; for the CC portal, which
    /// publishes no numbers, the certification report URL or product, manufacturer and date).
    public var recordKey: String
    /// The manufacturer or vendor as the registry spells it.
    public var manufacturer: String
    /// The matched vendor, when the manufacturer's name matched exactly one vendor or alias.
    public var vendorId: Int64?
    /// The product or module name.
    public var product: String
    public var certificateNumber: String?
    /// CC category or CMVP module type.
    public var category: String?
    /// CC certifying scheme (country) or the FIPS standard.
    public var scheme: String?
    /// CC assurance level (`EAL4+ ALC_FLR.2`) or FIPS overall level.
    public var level: String?
    /// Certification or (first) validation date.
    public var certifiedOn: CalendarDate?
    /// CC archive date or CMVP sunset date.
    public var endsOn: CalendarDate?
    /// `active`, `archived`, `historical` or `revoked`, folded to lower case.
    public var status: String
    /// The certification report or the registry page.
    public var url: String?
    /// SHA-256 over the fields, to tell an unchanged re-import from an update.
    public var contentHash: String
    /// The import that last wrote the record.
    public var importId: Int64

    /// The table's columns, for queries.

}

extension Registry: SQLValueConvertible {}

/// One import of a registry file: where it came from, its SHA-256, and what it changed.
public struct RegistryImport: Codable, Sendable, Equatable, SQLNumberedRecord {
    public static let databaseTableName = "registryImport"
    public var id: Int64?
    public var registry: Registry
    public var path: String
    public var sha256: String
    public var importedAt: String
    public var rows: Int
    public var added: Int
    public var updated: Int
    public var unchanged: Int

}
