import AssayCore
import AssayRegistry

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
        var index = 0
        return try importRegistry(registry, path: path, sha256: sha256, dryRun: dryRun) { () -> RegistryEntry? in
            guard index < entries.count else { return nil }
            progress?(index, entries.count)
            defer { index += 1 }
            return entries[index]
        }
    }

    /// Imports registry entries as ``importRegistry(_:entries:path:sha256:dryRun:progress:)`` does, reading them
    /// one at a time from `next` (`nil` at the end) and writing each before reading the next, so that a large file
    /// is never held whole. An error from `next` rolls the whole import back and is thrown as
    /// ``StoreError/registry(_:)``.
    public func importRegistry(
        _ registry: Registry,
        path: String,
        sha256: String,
        dryRun: Bool,
        next: () throws(RegistryError) -> RegistryEntry?
    ) throws(StoreError) -> RegistryImportReport {
        try write(commit: { !dryRun && $0.added + $0.updated + $0.relinked > 0 }) { db, log in
            var importRow = RegistryImport(
                registry: registry, path: path, sha256: sha256, importedAt: Timestamp.now(), rows: 0,
                added: 0, updated: 0, unchanged: 0)
            try db.insert(&importRow)
            guard let importId = importRow.id else { throw StoreError.database("import row without id") }
            var writer = try RegistryRecordWriter(db, registry: registry, importId: importId)
            var report = RegistryImportReport(
                registry: registry, path: path, sha256: sha256, rows: 0, added: 0, updated: 0, unchanged: 0,
                matched: 0, ambiguous: [], relinked: 0, dryRun: dryRun)
            while let entry = try Self.nextEntry(next) {
                report.rows += 1
                let (change, matched) = try writer.write(entry)
                if matched { report.matched += 1 }
                switch change {
                case .added: report.added += 1
                case .updated: report.updated += 1
                case .unchanged: report.unchanged += 1
                }
            }
            report.ambiguous = writer.ambiguous
            importRow.rows = report.rows
            importRow.added = report.added
            importRow.updated = report.updated
            importRow.unchanged = report.unchanged
            try db.update(importRow)
            try log.append(
                db, action: "registry.import", entity: "registryImport", entityId: importId, vendorId: nil,
                change: Change<RegistryImport>(after: importRow))
            // Records this file left unchanged may still link to an old vendor, or to none, in a database written
            // before links followed vendors' names; the ones it wrote were linked as they were written.
            report.relinked = try Self.relinkRegistryRecords(db, log: log, exceptImport: importId)
            return report
        }
    }

    /// The next entry, a reader's error as the store's.
    private static func nextEntry(_ next: () throws(RegistryError) -> RegistryEntry?) throws(StoreError)
        -> RegistryEntry?
    {
        do {
            return try next()
        } catch {
            throw .registry(error)
        }
    }
}
