import AssayCrypto

/// Writes the entries of one registry import, one row each: adds new keys, updates changed ones, leaves the rest.
///
/// This runs once per row of files of a hundred thousand rows, so each row is bound positionally to one of two
/// statement texts (prepared once by the connection), with the values built straight from the entry, the dates'
/// text written once for both the row and its content hash, and one digest context for all the hashes.
struct RegistryRecordWriter {
    /// What writing an entry did.
    enum Change {
        case added, updated, unchanged
    }

    private let db: any SQLConnection
    private let registry: SQLValue
    private let importId: SQLValue
    private var linker: VendorLinker
    /// Each record's content hash by its key, which is unique within the registry.
    private var existing: [String: String] = [:]
    private let hasher: DigestContext

    private static let insert = """
        INSERT INTO "registryRecord" ("registry", "recordKey", "manufacturer", "vendorId", "product",
            "certificateNumber", "category", "scheme", "level", "certifiedOn", "endsOn", "status", "url",
            "contentHash", "importId")
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let update = """
        UPDATE "registryRecord" SET "manufacturer" = ?, "vendorId" = ?, "product" = ?,
            "certificateNumber" = ?, "category" = COALESCE(?, "category"), "scheme" = COALESCE(?, "scheme"),
            "level" = COALESCE(?, "level"), "certifiedOn" = COALESCE(?, "certifiedOn"), "endsOn" = ?,
            "status" = ?, "url" = ?, "contentHash" = ?, "importId" = ?
        WHERE "registry" = ? AND "recordKey" = ?
        """

    /// A writer for import `importId` of `registry`, knowing the content hash of every record it already holds.
    init(_ db: any SQLConnection, registry: Registry, importId: Int64) throws {
        self.db = db
        self.registry = registry.sqlValue
        self.importId = .integer(importId)
        linker = try VendorLinker(db)
        hasher = try DigestContext(.sha256)
        var existing: [String: String] = [:]
        try db.forEachRow(
            "SELECT \"recordKey\", \"contentHash\" FROM \"registryRecord\" WHERE \"registry\" = ?", [self.registry]
        ) { row in
            existing[try row["recordKey"]] = try row["contentHash"]
        }
        self.existing = existing
    }

    /// Every manufacturer met so far that fits several vendors, by name.
    var ambiguous: [AmbiguousManufacturer] { linker.ambiguous }

    /// Writes `entry` unless its record already says the same; also tells whether its manufacturer matched a
    /// vendor.
    mutating func write(_ entry: RegistryEntry) throws -> (change: Change, matched: Bool) {
        let vendorId = try linker.vendorId(db, entry.manufacturer)
        let certifiedOn = entry.certifiedOn?.description
        let endsOn = entry.endsOn?.description
        let hash = try entry.contentHash(with: hasher, certifiedOn: certifiedOn, endsOn: endsOn)
        let stored = existing[entry.recordKey]
        if stored == hash { return (.unchanged, vendorId != nil) }
        var values: [SQLValue] = []
        values.reserveCapacity(15)
        if stored == nil { values += [registry, .text(entry.recordKey)] }
        values += [
            .text(entry.manufacturer), vendorId.sqlValue, .text(entry.product), entry.certificateNumber.sqlValue,
            entry.category.sqlValue, entry.scheme.sqlValue, entry.level.sqlValue, certifiedOn.sqlValue,
            endsOn.sqlValue, .text(entry.status), entry.url.sqlValue, .text(hash), importId,
        ]
        if stored != nil {
            values += [registry, .text(entry.recordKey)]
            try db.run(Self.update, values)
            return (.updated, vendorId != nil)
        }
        try db.run(Self.insert, values)
        existing[entry.recordKey] = hash
        return (.added, vendorId != nil)
    }
}
