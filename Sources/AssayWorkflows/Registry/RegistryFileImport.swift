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
    /// done. The store is opened only once the file has been read, so that a file that cannot be read leaves no
    /// database behind.
    ///
    /// - Throws: the registry readers' errors (with file and line), the file digest's and the store's.
    public func run(store: () throws -> Store, progress: ProgressHandler? = nil) throws -> Report {
        let registry: Registry
        let entries: [RegistryEntry]
        switch source {
        case .ccPortal:
            var reader = try CCPortalReader(path: file, listing: listing)
            (registry, entries) = (.ccPortal, try reader.readAll().map(RegistryEntry.init))
        case .cmvp:
            (registry, entries) = (.cmvp, try CMVPReader.read(path: file).map(RegistryEntry.init))
        case .fccCoveredList:
            let list = try CoveredListReader.read(path: file)
            return .coveredList(
                try store().importCoveredList(
                    list, path: file, sha256: try DigestContext.digest(fileAt: file).digest.hex, dryRun: dryRun))
        }
        let sha256 = try DigestContext.digest(fileAt: file).digest.hex
        let opened = try store()
        return .records(
            try opened.importRegistry(
                registry, entries: entries, path: file, sha256: sha256, dryRun: dryRun, progress: progress))
    }
}
