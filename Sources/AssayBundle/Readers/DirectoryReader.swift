import AssayCrypto
import Foundation

/// Reads a directory tree: scans it, then hashes its files with one worker per core pulling from a shared index,
/// each result stored at the file's sorted position.
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
        let scanner = DirectoryScanner(rootFD: rootFD, rootPath: path, limits: options.limits)
        let scan = try scanner.scan(only: only)
        var findings = scan.findings
        let entries = scan.entries.sorted { $0.path < $1.path }
        let fileIndexes = entries.indices.filter { entries[$0].type == .file }
        let progress = ProgressCounter(
            totalFiles: fileIndexes.count,
            totalBytes: fileIndexes.reduce(0) { $0 + (entries[$1].size ?? 0) },
            report: options.progress
        )
        let work = WorkQueue(entries: entries, fileIndexes: fileIndexes)
        DispatchQueue.concurrentPerform(iterations: min(options.workers, max(1, fileIndexes.count))) { _ in
            do throws(BundleError) {
                let hasher = try BundleError.wrapping { () throws(CryptoError) in try Hasher(options.algorithm) }
                while let index = work.next() {
                    work.store(try hash(entries[index], with: hasher, scanner: scanner, progress: progress), at: index)
                }
            } catch {
                work.fail(error)
            }
        }
        findings.sort { ($0.path ?? "", $0.kind.rawValue) < ($1.path ?? "", $1.kind.rawValue) }
        let assembler = ManifestAssembler(
            options: options, source: only == nil ? "directory" : "file", mayStripPrefix: false)
        return try assembler.assemble(work.finished(), findings: findings)
    }

    /// Hashes one regular file, refusing anything that is no longer one (opened without following links and
    /// without blocking, so a FIFO swapped in never hangs) and any change of size while reading.
    private func hash(
        _ entry: BundleEntry,
        with hasher: Hasher,
        scanner: DirectoryScanner,
        progress: ProgressCounter
    ) throws(BundleError) -> BundleEntry {
        let shown = scanner.display(entry.path)
        let fd = openat(
            scanner.rootFD, DirectoryScanner.cPath(entry.path), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw BundleError.unreadable(path: shown, reason: DirectoryScanner.lastError()) }
        defer { close(fd) }
        var before = stat()
        guard fstat(fd, &before) == 0, before.st_mode & S_IFMT == S_IFREG else {
            throw BundleError.unreadable(path: shown, reason: "no longer a regular file")
        }
        let expected = entry.size ?? 0
        guard UInt64(before.st_size) == expected else {
            throw BundleError.fileChanged(path: shown, expected: expected, actual: UInt64(before.st_size))
        }
        let batch = ProgressBatch(counter: progress)
        let size: UInt64
        do throws(CryptoError) {
            size = try hasher.update(fileDescriptor: fd, path: shown) { batch.add($0) }
        } catch {
            throw BundleError.reading(shown, error)
        }
        var after = stat()
        let finalSize = fstat(fd, &after) == 0 ? UInt64(after.st_size) : size
        guard size == expected, finalSize == expected else {
            throw BundleError.fileChanged(path: shown, expected: expected, actual: size == expected ? finalSize : size)
        }
        var result = entry
        result.digest = try BundleError.wrapping { () throws(CryptoError) in try hasher.finalize() }
        batch.finish()
        return result
    }
}
