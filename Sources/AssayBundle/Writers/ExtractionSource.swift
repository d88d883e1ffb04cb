import Foundation

/// One entry of a bundle being extracted, as its source lists it: raw name, kind and, for links, the raw target.
struct ExtractionItem {
    var path: [UInt8]
    var kind: ArchiveHeader.Kind
    var executable: Bool
    var linkTarget: [UInt8]?
    var isEncrypted = false
    var declaredSize: UInt64?
}

/// Where ``BundleExtractor`` reads entries from, in order, with the content of the current regular file.
protocol ExtractionSource {
    /// A short name for what is read (`directory`, `tar.gz`, `zip`…).
    var formatName: String { get }
    /// The next entry, `nil` at the end.
    func next() throws(BundleError) -> ExtractionItem?
    /// The next chunk of the current file's content; empty at its end.
    func nextChunk() throws(BundleError) -> [UInt8]
    /// After the last entry: what reading to the end noticed (a zip's mismatching headers, trailing data).
    func finish() throws(BundleError) -> [BundleFinding]
}

/// Entries of a tar or zip archive, streamed by libarchive.
final class ArchiveSource: ExtractionSource {
    let archive: ArchiveHandle
    private var current = ""

    init(path: String) throws(BundleError) { archive = try ArchiveHandle(path: path) }

    var formatName: String { archive.formatName }

    func next() throws(BundleError) -> ExtractionItem? {
        guard let header = try archive.nextHeader() else { return nil }
        current = EntryPath(bytes: header.path).description
        return ExtractionItem(
            path: header.path, kind: header.kind, executable: header.executable, linkTarget: header.linkTarget,
            isEncrypted: header.isEncrypted, declaredSize: header.declaredSize)
    }

    func nextChunk() throws(BundleError) -> [UInt8] {
        try archive.readData(capacity: 64 * 1024, entry: current)
    }

    func finish() throws(BundleError) -> [BundleFinding] {
        ZipHeaderConsistency.findings(archive.zipRecords ?? []) + (try archive.finish())
    }
}

/// Entries of a directory tree, scanned with `lstat` semantics; files are opened without following links.
final class DirectorySource: ExtractionSource {
    let scanner: DirectoryScanner
    private var entries: EntryList
    private var findings: [BundleFinding]
    private var position = 0
    private var fileFD: Int32 = -1

    init(path: String, limits: Limits) throws(BundleError) {
        let rootFD = Foundation.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else { throw BundleError.unreadable(path: path, reason: DirectoryScanner.lastError()) }
        scanner = DirectoryScanner(rootFD: rootFD, rootPath: path, limits: limits, algorithm: nil)
        do {
            var scan = try scanner.scan()
            scan.entries.sortByPath()
            entries = scan.entries
            findings = scan.findings
        } catch {
            close(rootFD)
            throw error
        }
    }

    deinit {
        if fileFD >= 0 { close(fileFD) }
        close(scanner.rootFD)
    }

    var formatName: String { "directory" }

    func next() throws(BundleError) -> ExtractionItem? {
        if fileFD >= 0 { close(fileFD) }
        fileFD = -1
        // Special files and over-long paths were not listed: the first such finding is refused before any entry.
        if let refused = findings.first(where: { $0.severity == .error }) {
            findings = []
            throw BundleError.unsafeEntry(
                path: scanner.rootPath, entry: refused.path ?? "", reason: ExtractionItem.reason(refused))
        }
        guard position < entries.count else { return nil }
        let entry = entries[position]
        position += 1
        switch entry.type {
        case .directory: return ExtractionItem(path: entry.path.bytes, kind: .directory, executable: false)
        case .symlink:
            return ExtractionItem(
                path: entry.path.bytes, kind: .symlink, executable: false, linkTarget: entry.linkTarget?.bytes)
        case .file:
            fileFD = openat(
                scanner.rootFD, DirectoryScanner.cPath(entry.path), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            var info = stat()
            guard fileFD >= 0, fstat(fileFD, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                throw BundleError.unreadable(path: scanner.display(entry.path), reason: "no longer a regular file")
            }
            return ExtractionItem(
                path: entry.path.bytes, kind: .file, executable: entry.executable ?? false, declaredSize: entry.size)
        }
    }

    func nextChunk() throws(BundleError) -> [UInt8] {
        var count = 0
        let chunk = [UInt8](unsafeUninitializedCapacity: 64 * 1024) { buffer, initialized in
            repeat { count = read(fileFD, buffer.baseAddress, buffer.count) } while count < 0 && errno == EINTR
            initialized = max(0, count)
        }
        guard count >= 0 else {
            throw BundleError.unreadable(path: scanner.rootPath, reason: DirectoryScanner.lastError())
        }
        return chunk
    }

    func finish() throws(BundleError) -> [BundleFinding] { [] }
}

extension ExtractionItem {
    /// The reason to refuse an entry a reader flagged, without the reader's "entry ignored".
    static func reason(_ finding: BundleFinding) -> String {
        finding.kind == .specialFile
            ? "special file (device, FIFO or socket)"
            : finding.message.replacingOccurrences(of: "; entry ignored", with: "")
    }
}
