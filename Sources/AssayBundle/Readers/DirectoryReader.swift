import AssayCrypto
import Foundation

/// Reads a directory tree: scans it, then hashes its files with one worker per core pulling from a shared cursor,
/// each digest written into the room its entry reserved, in the sorted entry list.
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
        var scan = try scanner.scan(only: only)
        var entries = scan.entries
        scan.entries = EntryList()  // the one reference left, so filling in digests copies nothing
        entries.sortByPath()
        var findings = scan.findings
        try hashFiles(&entries, scanner: scanner)
        findings.sort { ($0.path ?? "", $0.kind.rawValue) < ($1.path ?? "", $1.kind.rawValue) }
        var assembler = ManifestAssembler(
            options: options, source: only == nil ? "directory" : "file", mayStripPrefix: false)
        assembler.walked = true
        return try assembler.assemble(&entries, findings: findings)
    }

    /// Hashes every file of the list with `options.workers` threads, writing each digest in place.
    private func hashFiles(_ entries: inout EntryList, scanner: DirectoryScanner) throws(BundleError) {
        var files = 0
        var bytes: UInt64 = 0
        for index in entries.indices where entries.record(index).type == .file {
            files += 1
            bytes += entries.record(index).size
        }
        let progress = ProgressCounter(totalFiles: files, totalBytes: bytes, report: options.progress)
        let work = WorkQueue(count: entries.count)
        let workers = min(options.workers, max(1, files))
        entries.withMutableBytes { bytes, records in
            let storage = SharedStorage(bytes: bytes, records: records)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                do throws(BundleError) {
                    let worker = try FileHasher(
                        algorithm: options.algorithm, scanner: scanner, progress: progress)
                    while let index = work.next() {
                        guard storage.records[index].type == .file else { continue }
                        try worker.hash(storage.records[index], into: storage.bytes)
                    }
                } catch {
                    work.fail(error)
                }
            }
        }
        try work.check()
    }
}

/// The list's storage, shared by the hashing workers: each writes only the digest room of the entries it took.
private struct SharedStorage: @unchecked Sendable {
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let records: UnsafeBufferPointer<EntryList.Record>
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
    /// without blocking, so a FIFO swapped in never hangs) and any change of size while reading.
    func hash(_ record: EntryList.Record, into bytes: UnsafeMutableBufferPointer<UInt8>) throws(BundleError) {
        let path = UnsafeBufferPointer(rebasing: bytes[record.start..<record.pathEnd])
        cPath.removeAll(keepingCapacity: true)
        cPath.append(contentsOf: path.lazy.map { CChar(bitPattern: $0) })
        cPath.append(0)
        let fd = openat(scanner.rootFD, cPath, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw BundleError.unreadable(path: shown(path), reason: DirectoryScanner.lastError()) }
        defer { close(fd) }
        var before = stat()
        guard fstat(fd, &before) == 0, before.st_mode & S_IFMT == S_IFREG else {
            throw BundleError.unreadable(path: shown(path), reason: "no longer a regular file")
        }
        let expected = record.size
        guard UInt64(before.st_size) == expected else {
            throw BundleError.fileChanged(path: shown(path), expected: expected, actual: UInt64(before.st_size))
        }
        let size: UInt64
        do throws(CryptoError) {
            // The path is named by the error below, so none is built for the files that read well.
            size = try hasher.update(fileDescriptor: fd, path: "", buffer: buffer, expectedSize: expected) {
                self.batch.add($0)
            }
        } catch {
            throw BundleError.reading(shown(path), error)
        }
        guard size == expected else {
            throw BundleError.fileChanged(path: shown(path), expected: expected, actual: size)
        }
        let digest = record.pathEnd + Int(record.targetLength)
        try BundleError.wrapping { () throws(CryptoError) in
            try hasher.finalize(
                into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: bytes[digest...])))
        }
        batch.finish()
    }

    private func shown(_ path: UnsafeBufferPointer<UInt8>) -> String { scanner.display(EntryPath(bytes: Array(path))) }
}
