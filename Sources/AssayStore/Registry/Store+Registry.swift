import AssayCore
import AssayRegistry

/// What a registry import did, or would do with `--dry-run`.
public struct RegistryImportReport: Codable, Sendable {
    public var registry: Registry
    public var path: String
    public var sha256: String
    public var rows: Int
    public var added: Int
    public var updated: Int
    public var unchanged: Int
    /// Rows whose manufacturer matched one vendor.
    public var matched: Int
    /// Manufacturers that matched several vendors: reported, never merged.
    public var ambiguous: [AmbiguousManufacturer]
    /// Records of earlier imports whose vendor link was brought up to date with the vendors' names.
    public var relinked: Int
    public var dryRun: Bool
}

/// Which vendor a registry record links to, as the audit log states a relink.
struct RegistryLink: Encodable {
    var record: Int64
    var manufacturer: String
    var vendorId: Int64?
}

/// How registry records link to one vendor.
public struct VendorRegistryLinks: Sendable, Equatable {
    /// The records linked to the vendor.
    public var records: Int
    /// Manufacturers that fit the vendor and another one alike: linked to neither.
    public var ambiguous: [AmbiguousManufacturer]
}

/// A manufacturer name that several vendors' names or aliases normalise to.
public struct AmbiguousManufacturer: Codable, Sendable, Equatable {
    public var manufacturer: String
    public var vendors: [String]
}

extension Store {
    /// Registry records matched to a vendor (or all of one registry), for reconciliation and display.
    public func registryRecords(_ registry: Registry? = nil, vendor: String? = nil) throws(StoreError)
        -> [RegistryRecord]
    {
        try read { db in
            var conditions: [String] = []
            var arguments: [any SQLValueConvertible] = []
            if let registry {
                conditions.append("\"registry\" = ?")
                arguments.append(registry.rawValue)
            }
            if let vendor {
                conditions.append("\"vendorId\" = ?")
                arguments.append(try Self.id(of: try VendorResolver.resolve(db, vendor)))
            }
            // The order SQLite's indexes gave before the order was written out: by certificate number within one
            // registry, else by id.
            let order = registry != nil && vendor == nil ? "\"certificateNumber\" NULLS FIRST, \"id\"" : "\"id\""
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            return try db.all(
                RegistryRecord.self, "SELECT * FROM \"registryRecord\"\(filter) ORDER BY \(order)", arguments)
        }
    }

    /// How registry records link to a vendor: how many link to it, and the manufacturers that fit it and another
    /// vendor alike, left unlinked. Read-only: tells people what adding or renaming a vendor did.
    public func registryLinks(vendor reference: String) throws(StoreError) -> VendorRegistryLinks {
        try read { db in
            let vendor = try VendorResolver.resolve(db, reference)
            let vendorId = try Self.id(of: vendor)
            let linked =
                try db.value(Int.self, "SELECT COUNT(*) FROM \"registryRecord\" WHERE \"vendorId\" = ?", [vendorId])
                ?? 0
            var linker = try VendorLinker(db)
            var ambiguous: [AmbiguousManufacturer] = []
            let manufacturers = try db.values(
                String.self, "SELECT DISTINCT \"manufacturer\" FROM \"registryRecord\" ORDER BY \"manufacturer\"")
            for manufacturer in manufacturers {
                // Primary names are unique, so the name identifies the vendor.
                if case .ambiguous(let vendors) = try linker.link(db, manufacturer), vendors.contains(vendor.name) {
                    ambiguous.append(AmbiguousManufacturer(manufacturer: manufacturer, vendors: vendors))
                }
            }
            return VendorRegistryLinks(records: linked, ambiguous: ambiguous)
        }
    }

    /// Links every registry record to the vendor its manufacturer names now, by ``VendorLinker``'s rules, so that
    /// links do not depend on whether the records or the vendors came first. Called by every write that adds,
    /// renames or removes a vendor name; logged as `registry.relink` with each changed link before and after.
    /// Returns how many records changed. The records of import `exceptImport` are passed over: that import has
    /// just linked them by the same rules.
    @discardableResult
    static func relinkRegistryRecords(_ db: any SQLConnection, log: AuditLog, exceptImport: Int64? = nil) throws
        -> Int
    {
        var linker = try VendorLinker(db)
        var before: [RegistryLink] = []
        var after: [RegistryLink] = []
        let filter = exceptImport == nil ? "" : " WHERE \"importId\" <> ?"
        try db.forEachRow(
            "SELECT \"id\", \"manufacturer\", \"vendorId\" FROM \"registryRecord\"\(filter) ORDER BY \"id\"",
            exceptImport.map { [SQLValue.integer($0)] } ?? []
        ) { row in
            let id: Int64 = try row["id"]
            let manufacturer: String = try row["manufacturer"]
            let stored: Int64? = try row["vendorId"]
            let wanted = try linker.vendorId(db, manufacturer)
            guard wanted != stored else { return }
            before.append(RegistryLink(record: id, manufacturer: manufacturer, vendorId: stored))
            after.append(RegistryLink(record: id, manufacturer: manufacturer, vendorId: wanted))
        }
        guard !after.isEmpty else { return 0 }
        for link in after {
            try db.run("UPDATE \"registryRecord\" SET \"vendorId\" = ? WHERE \"id\" = ?", [link.vendorId, link.record])
        }
        try log.append(
            db, action: "registry.relink", entity: "registryRecord", entityId: "", vendorId: nil,
            change: Change(before: before, after: after))
        return after.count
    }

    /// A matcher over every vendor's name and aliases.
    static func vendorMatcher(_ db: any SQLConnection) throws -> VendorMatcher<Int64> {
        var names: [Int64: [String]] = [:]
        try db.forEachRow("SELECT \"vendorId\", \"name\" FROM \"vendorName\"", []) { row in
            names[try row["vendorId"], default: []].append(try row["name"])
        }
        return VendorMatcher(vendors: names.map { (id: $0.key, names: $0.value) })
    }
}
