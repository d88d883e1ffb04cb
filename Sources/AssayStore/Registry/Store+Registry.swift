import AssayCore
import AssayCrypto
import AssayRegistry
import GRDB

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

    /// SHA-256 over every field, in a fixed order.
    var contentHash: String {
        get throws(CryptoError) {
            let fields: [String?] = [
                manufacturer, product, certificateNumber, category, scheme, level,
                certifiedOn?.description, endsOn?.description, status, url,
            ]
            return try Hasher.digest(Array(fields.map { $0 ?? "\u{1}" }.joined(separator: "\u{0}").utf8)).hex
        }
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
    public var dryRun: Bool
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
    public func importRegistry(
        _ registry: Registry,
        entries: [RegistryEntry],
        path: String,
        sha256: String,
        dryRun: Bool,
        progress: ProgressHandler? = nil
    ) throws(StoreError) -> RegistryImportReport {
        try write(commit: { !dryRun && $0.added + $0.updated > 0 }) { db, log in
            let matcher = try Self.vendorMatcher(db)
            var names: [Int64: String] = [:]
            var report = RegistryImportReport(
                registry: registry, path: path, sha256: sha256, rows: entries.count, added: 0, updated: 0,
                unchanged: 0, matched: 0, ambiguous: [], dryRun: dryRun)
            var importRow = RegistryImport(
                registry: registry, path: path, sha256: sha256, importedAt: Timestamp.now(), rows: entries.count,
                added: 0, updated: 0, unchanged: 0)
            try importRow.insert(db)
            guard let importId = importRow.id else { throw StoreError.database("import row without id") }
            var ambiguous: [String: [String]] = [:]
            var matches: [String: VendorMatcher<Int64>.Match] = [:]
            var existing: [String: (id: Int64, hash: String)] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT id, recordKey, contentHash FROM registryRecord WHERE registry = ?",
                arguments: [registry])
            {
                existing[row["recordKey"]] = (row["id"], row["contentHash"])
            }
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO registryRecord (registry, recordKey, manufacturer, vendorId, product, certificateNumber,
                        category, scheme, level, certifiedOn, endsOn, status, url, contentHash, importId)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let update = try db.cachedStatement(
                sql: """
                    UPDATE registryRecord SET manufacturer = ?, vendorId = ?, product = ?, certificateNumber = ?,
                        category = ?, scheme = ?, level = ?, certifiedOn = ?, endsOn = ?, status = ?, url = ?,
                        contentHash = ?, importId = ?
                    WHERE id = ?
                    """)
            for (index, entry) in entries.enumerated() {
                progress?(index, entries.count)
                // Registries repeat a few thousand manufacturer spellings over many rows: match each once.
                let match = matches[entry.manufacturer] ?? matcher.match(entry.manufacturer)
                matches[entry.manufacturer] = match
                var vendorId: Int64?
                switch match {
                case .matched(let id):
                    vendorId = id
                    report.matched += 1
                case .ambiguous(let ids) where ambiguous[entry.manufacturer] == nil:
                    ambiguous[entry.manufacturer] = try ids.map { id in
                        if let name = names[id] { return name }
                        let name =
                            try String.fetchOne(db, sql: "SELECT name FROM vendor WHERE id = ?", arguments: [id])
                            ?? "#\(id)"
                        names[id] = name
                        return name
                    }
                case .ambiguous, .unmatched:
                    break
                }
                let hash = try entry.contentHash
                let fields: StatementArguments = [
                    entry.manufacturer, vendorId, entry.product, entry.certificateNumber, entry.category, entry.scheme,
                    entry.level, entry.certifiedOn, entry.endsOn, entry.status, entry.url, hash, importId,
                ]
                if let (id, storedHash) = existing[entry.recordKey] {
                    if storedHash == hash {
                        report.unchanged += 1
                        continue
                    }
                    try update.execute(arguments: fields + [id])
                    report.updated += 1
                } else {
                    try insert.execute(arguments: [registry, entry.recordKey] + fields)
                    existing[entry.recordKey] = (db.lastInsertedRowID, hash)
                    report.added += 1
                }
            }
            report.ambiguous = ambiguous.map { AmbiguousManufacturer(manufacturer: $0.key, vendors: $0.value.sorted()) }
                .sorted { $0.manufacturer < $1.manufacturer }
            importRow.added = report.added
            importRow.updated = report.updated
            importRow.unchanged = report.unchanged
            try importRow.update(db)
            try log.append(
                db, action: "registry.import", entity: "registryImport", entityId: importId, vendorId: nil,
                change: Change<RegistryImport>(after: importRow))
            return report
        }
    }

    /// Registry records matched to a vendor (or all of one registry), for reconciliation and display.
    public func registryRecords(_ registry: Registry? = nil, vendor: String? = nil) throws(StoreError)
        -> [RegistryRecord]
    {
        try read { db in
            var request = RegistryRecord.all()
            if let registry { request = request.filter(RegistryRecord.Columns.registry == registry) }
            if let vendor {
                request = request.filter(RegistryRecord.Columns.vendorId == (try VendorResolver.resolve(db, vendor)).id)
            }
            return try request.fetchAll(db)
        }
    }

    /// A matcher over every vendor's name and aliases.
    static func vendorMatcher(_ db: Database) throws -> VendorMatcher<Int64> {
        var names: [Int64: [String]] = [:]
        for row in try VendorName.fetchAll(db) { names[row.vendorId, default: []].append(row.name) }
        return VendorMatcher(vendors: names.map { (id: $0.key, names: $0.value) })
    }
}
