public import AssayCore
import AssayCrypto
public import AssayRegistry
public import AssayStore

/// `registry import`: reads a public registry file — a Common Criteria portal CSV, a NIST CMVP modules list or the
/// FCC Covered List — and imports it in one transaction, keeping the file's SHA-256 with the import.
public struct RegistryFileImport: Sendable {
    /// The registries that can be imported: the record registries, and the FCC Covered List, whose entities become
    /// market-access events.
    public enum Source: String, CaseIterable, Sendable {
        case ccPortal = "cc-portal"
        case cmvp
        case fccCoveredList = "fcc-covered-list"
    }

    /// What was imported.
    public enum Report: Sendable {
        /// Registry records (Common Criteria or CMVP).
        case records(RegistryImportReport)
        /// Covered List entities as market-access events.
        case coveredList(CoveredListImportReport)
    }

    /// Which registry the file is.
    public var source: Source
    /// The registry file.
    public var file: String
    /// For the Common Criteria portal: the active or archived list (`nil`: from the file name).
    public var listing: CCListing?
    /// Report what would change without writing anything.
    public var dryRun: Bool

    /// Creates a request.
    public init(source: Source, file: String, listing: CCListing? = nil, dryRun: Bool = false) {
        self.source = source
        self.file = file
        self.listing = listing
        self.dryRun = dryRun
    }

    /// Reads the file, then opens `store` and imports it; `progress` is told how many record-registry entries are
    /// done (for the Common Criteria portal, how many lines of the file). The store is opened only once the file's
    /// layout has been checked (a CSV file's header, a JSON list whole), so that a file that is not the registry
    /// named leaves no database behind. A portal CSV is then imported as it is read, row by row, parsed on a thread
    /// of its own, so that memory does not grow with the file; a row that cannot be read rolls the whole import
    /// back.
    ///
    /// - Throws: the registry readers' errors (with file and line; during a portal import, as
    ///   `StoreError.registry`), the file digest's and the store's.
    public func run(store: () throws -> Store, progress: ProgressHandler? = nil) throws -> Report {
        switch source {
        case .ccPortal:
            var reader = try CCPortalReader(path: file, listing: listing)
            let sha256 = try DigestContext.digest(fileAt: file).digest.hex
            // Lines rather than products, which are known only at the end: the header's line is not counted.
            let lines = progress == nil ? 0 : try CSVReader.lineCount(path: file) - 1
            // The file is parsed on a thread of its own while the store writes what was parsed before.
            let ahead = ReadAheadThread { () throws(RegistryError) -> (entry: RegistryEntry, line: Int)? in
                try reader.next().map { (RegistryEntry($0), $0.line) }
            }
            defer { ahead.stop() }
            return .records(
                try store().importRegistry(.ccPortal, path: file, sha256: sha256, dryRun: dryRun) {
                    () throws(RegistryError) -> RegistryEntry? in
                    guard let next = try ahead.next() else { return nil }
                    progress?(next.line - 2, lines)
                    return next.entry
                })
        case .cmvp:
            let entries = try CMVPReader.read(path: file).map(RegistryEntry.init)
            let sha256 = try DigestContext.digest(fileAt: file).digest.hex
            return .records(
                try store().importRegistry(
                    .cmvp, entries: entries, path: file, sha256: sha256, dryRun: dryRun, progress: progress))
        case .fccCoveredList:
            let list = try CoveredListReader.read(path: file)
            return .coveredList(
                try store().importCoveredList(
                    list, path: file, sha256: try DigestContext.digest(fileAt: file).digest.hex, dryRun: dryRun))
        }
    }
}
