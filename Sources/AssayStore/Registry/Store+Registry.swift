import AssayCore
import AssayCrypto
import AssayRegistry

/// A registry entry to import, before matching: what the registry says.
public struct RegistryEntry: Sendable {
    public var recordKey: String
    public var manufacturer: String
    public var product: String
    public var certificateNumber: String?
    public var category: String?
    public var scheme: String?
    public var level: String?
    public var certifiedOn: CalendarDate?
    public var endsOn: CalendarDate?
    public var status: String
    public var url: String?

    public init(recordKey: String, manufacturer: String, product: String, status: String) {
        self.recordKey = recordKey
        self.manufacturer = manufacturer
        self.product = product
        self.status = status
    }

    /// SHA-256 over every field, in a fixed order, separated by a NUL byte, an absent field hashed as U+0001;
    /// `hasher` is reused from entry to entry (a context per entry, and the joined copy, cost as much as the hash).
    func contentHash(with hasher: DigestContext) throws(CryptoError) -> String {
        try hasher.reset()
        let fields: [String?] = [
            manufacturer, product, certificateNumber, category, scheme, level,
            certifiedOn?.description, endsOn?.description, status, url,
        ]
        for (index, field) in fields.enumerated() {
            if index > 0 { hasher.update([0] as [UInt8]) }
            var text = field ?? "\u{1}"
            text.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
        }
        return try hasher.finalize().hex
    }
}

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
    /// Imports registry entries in one transaction: new keys are added, changed ones updated, the rest left
    /// unchanged; manufacturers are matched to vendors and aliases after normalising case, punctuation and legal
    /// suffixes. Logged as one `registry.import` entry with the file's SHA-256. Nothing is written with `dryRun`,
    /// nor when every row is unchanged. `progress` is told how many entries are done.
    ///
    /// An update keeps what the record already says of the category, scheme, level and certification date when
    /// the entry does not know them: NIST's historical list, which carries no standard or level, moves a module
    /// imported from the active list to `historical` without forgetting that it is a FIPS 140-3 validation.
    public func importRegistry(
        _ registry: Registry,
        entries: [RegistryEntry],
        path: String,
        sha256: String,
        dryRun: Bool,
        progress: ProgressHandler? = nil
    ) throws(StoreError) -> RegistryImportReport {
        try write(commit: { !dryRun && $0.added + $0.updated + $0.relinked > 0 }) { db, log in
            var linker = try VendorLinker(db)
            var report = RegistryImportReport(
                registry: registry, path: path, sha256: sha256, rows: entries.count, added: 0, updated: 0,
                unchanged: 0, matched: 0, ambiguous: [], relinked: 0, dryRun: dryRun)
            var importRow = RegistryImport(
                registry: registry, path: path, sha256: sha256, importedAt: Timestamp.now(), rows: entries.count,
                added: 0, updated: 0, unchanged: 0)
            try db.insert(&importRow)
            guard let importId = importRow.id else { throw StoreError.database("import row without id") }
            var existing: [String: (id: Int64, hash: String)] = [:]
            try db.forEachRow(
                "SELECT \"id\", \"recordKey\", \"contentHash\" FROM \"registryRecord\" WHERE \"registry\" = ?",
                [registry.rawValue.sqlValue]
            ) { row in
                existing[try row["recordKey"]] = (try row["id"], try row["contentHash"])
            }
            // One statement text each, so that the connection prepares them once for all the rows.
            let insert = """
                INSERT INTO "registryRecord" ("registry", "recordKey", "manufacturer", "vendorId", "product",
                    "certificateNumber", "category", "scheme", "level", "certifiedOn", "endsOn", "status", "url",
                    "contentHash", "importId")
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING "id"
                """
            let update = """
                UPDATE "registryRecord" SET "manufacturer" = ?, "vendorId" = ?, "product" = ?,
                    "certificateNumber" = ?, "category" = COALESCE(?, "category"), "scheme" = COALESCE(?, "scheme"),
                    "level" = COALESCE(?, "level"), "certifiedOn" = COALESCE(?, "certifiedOn"), "endsOn" = ?,
                    "status" = ?, "url" = ?, "contentHash" = ?, "importId" = ?
                WHERE "id" = ?
                """
            let hasher = try DigestContext(.sha256)
            for (index, entry) in entries.enumerated() {
                progress?(index, entries.count)
                let vendorId = try linker.vendorId(db, entry.manufacturer)
                if vendorId != nil { report.matched += 1 }
                let hash = try entry.contentHash(with: hasher)
                let fields: [any SQLValueConvertible] = [
                    entry.manufacturer, vendorId, entry.product, entry.certificateNumber, entry.category, entry.scheme,
                    entry.level, entry.certifiedOn, entry.endsOn, entry.status, entry.url, hash, importId,
                ]
                if let (id, storedHash) = existing[entry.recordKey] {
                    if storedHash == hash {
                        report.unchanged += 1
                        continue
                    }
                    try db.run(update, fields + [id])
                    report.updated += 1
                } else {
                    guard let id = try db.value(Int64.self, insert, [registry.rawValue, entry.recordKey] + fields)
                    else { throw StoreError.database("inserting into registryRecord returned no id") }
                    existing[entry.recordKey] = (id, hash)
                    report.added += 1
                }
            }
            report.ambiguous = linker.ambiguous
            importRow.added = report.added
            importRow.updated = report.updated
            importRow.unchanged = report.unchanged
            try db.update(importRow)
            try log.append(
                db, action: "registry.import", entity: "registryImport", entityId: importId, vendorId: nil,
                change: Change<RegistryImport>(after: importRow))
            // Records this file left unchanged may still link to an old vendor, or to none, in a database written
            // before links followed vendors' names.
            report.relinked = try Self.relinkRegistryRecords(db, log: log)
            return report
        }
    }

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
            let linked =
                try db.value(
                    Int.self, "SELECT COUNT(*) FROM \"registryRecord\" WHERE \"vendorId\" = ?", [try Self.id(of: vendor)]
                ) ?? 0
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
    /// Returns how many records changed.
    @discardableResult
    static func relinkRegistryRecords(_ db: any SQLConnection, log: AuditLog) throws -> Int {
        var linker = try VendorLinker(db)
        var before: [RegistryLink] = []
        var after: [RegistryLink] = []
        for row in try db.rows("SELECT \"id\", \"manufacturer\", \"vendorId\" FROM \"registryRecord\" ORDER BY \"id\"") {
            let id: Int64 = try row["id"]
            let manufacturer: String = try row["manufacturer"]
            let stored: Int64? = try row["vendorId"]
            let wanted = try linker.vendorId(db, manufacturer)
            guard wanted != stored else { continue }
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
