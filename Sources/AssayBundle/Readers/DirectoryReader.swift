import AssayCrypto
import Foundation

/// Reads a directory tree: scans it on the calling thread while hashing workers digest the files it has found so far,
/// then sorts the entries and writes each digest into the room its entry reserved.
///
/// With `only`, the root is the folder holding one file and only that file is read: a single-file bundle.
struct DirectoryReader {
    let path: String
    let options: ReadOptions
    var only: [UInt8]?

    func read() throws(BundleError) -> Manifest {
        let rootFD = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else {
            throw BundleError.unreadable(path: path, reason: DirectoryScanner.lastError())
        }
        defer { close(rootFD) }
        let scanner = DirectoryScanner(
            rootFD: rootFD, rootPath: path, limits: options.limits, algorithm: options.algorithm)
        var scan = try scanAndHash(scanner)
        var entries = scan.entries
        scan.entries = EntryList()  // the one reference left, so sorting copies nothing
        entries.sortByPath()
        var findings = scan.findings
        findings.sort { ($0.path ?? "", $0.kind.rawValue) < ($1.path ?? "", $1.kind.rawValue) }
        var assembler = ManifestAssembler(
            options: options, source: only == nil ? "directory" : "file", mayStripPrefix: false)
        assembler.walked = true
        return try assembler.assemble(&entries, findings: findings)
    }

    /// Scans the tree on this thread, handing the files it finds to `options.workers - 1` hashing threads (at least
    /// one) batch by batch and writing the digests they finish into its entries as it goes; once the scan is over,
    /// this thread hashes with them (unless there is to be a single worker). A failure of the scan is reported
    /// before the hashing's.
    private func scanAndHash(_ scanner: DirectoryScanner) throws(BundleError) -> DirectoryScanner.Result {
        let progress = ProgressCounter(totalFiles: nil, totalBytes: nil, report: options.progress)
        let feed = FileFeed()
        let algorithm = options.algorithm
        let work: @Sendable () -> Void = {
            Self.hash(from: feed, scanner: scanner, algorithm: algorithm, progress: progress)
        }
        let done = DispatchGroup()
        for _ in 0..<max(1, options.workers - 1) {
            DispatchQueue.global().async(group: done, execute: work)
        }
        var scan: DirectoryScanner.Result
        do {
            // A worker's failure stops the scan at its next batch, and is the one reported.
            var batch = FileFeed.Batch()
            scan = try scanner.scan(only: only) { index, path, size, entries throws(BundleError) in
                guard batch.add(FileFeed.File(index: index, path: path, size: size)) else { return }
                try feed.add(batch)
                batch = FileFeed.Batch()
                feed.takeFinished().write(into: &entries)
            }
            try feed.add(batch)
        } catch {
            feed.close()
            done.wait()
            throw error
        }
        progress.setTotals(files: scan.fileCount, bytes: scan.totalBytes)
        feed.close()
        if options.workers > 1 { work() }
        done.wait()
        try feed.check()
        feed.takeFinished().write(into: &scan.entries)
        return scan
    }

    /// Hashes the feed's files until it ends, delivering the digests batch by batch; a failure stops the feed and
    /// every worker.
    private static func hash(
        from feed: FileFeed, scanner: DirectoryScanner, algorithm: DigestAlgorithm, progress: ProgressCounter
    ) {
        var digests = Digests()
        do throws(BundleError) {
            let worker = try FileHasher(algorithm: algorithm, scanner: scanner, progress: progress)
            while let files = feed.next() {
                for file in files { try worker.hash(file, into: &digests) }
                feed.deliver(&digests)
            }
        } catch {
            feed.fail(error)
        }
    }
}

/// One worker's hasher, read buffer and path buffer, reused for every file it hashes.
private final class FileHasher {
    private let hasher: DigestContext
    private let scanner: DirectoryScanner
    private let batch: ProgressBatch
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: DigestContext.readSize, alignment: 64)
    private var cPath: [CChar] = []

    init(algorithm: DigestAlgorithm, scanner: DirectoryScanner, progress: ProgressCounter) throws(BundleError) {
        hasher = try BundleError.wrapping { () throws(CryptoError) in try DigestContext(algorithm) }
        self.scanner = scanner
        batch = ProgressBatch(counter: progress)
    }

    deinit { buffer.deallocate() }

    /// Hashes one regular file, refusing anything that is no longer one (opened without following links and
    /// without blocking, so a FIFO swapped in never hangs) and any change of size since the scan saw it.
    func hash(_ file: FileFeed.File, into digests: inout Digests) throws(BundleError) {
        cPath.removeAll(keepingCapacity: true)
        cPath.append(contentsOf: file.path.lazy.map { CChar(bitPattern: $0) })
        cPath.append(0)
        let fd = openat(scanner.rootFD, cPath, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw BundleError.unreadable(path: shown(file), reason: DirectoryScanner.lastError()) }
        defer { close(fd) }
        var before = stat()
        guard fstat(fd, &before) == 0, before.st_mode & S_IFMT == S_IFREG else {
            throw BundleError.unreadable(path: shown(file), reason: "no longer a regular file")
        }
        let expected = file.size
        guard UInt64(before.st_size) == expected else {
            throw BundleError.fileChanged(path: shown(file), expected: expected, actual: UInt64(before.st_size))
        }
        let size: UInt64
        do throws(CryptoError) {
            // The path is named by the error below, so none is built for the files that read well.
            size = try hasher.update(fileDescriptor: fd, path: "", buffer: buffer, expectedSize: expected) {
                self.batch.add($0)
            }
        } catch {
            throw BundleError.reading(shown(file), error)
        }
        guard size == expected else {
            throw BundleError.fileChanged(path: shown(file), expected: expected, actual: size)
        }
        try BundleError.wrapping { () throws(CryptoError) in try digests.append(hasher, at: file.index) }
        batch.finish()
    }

    private func shown(_ file: FileFeed.File) -> String { scanner.display(EntryPath(bytes: file.path)) }
}
