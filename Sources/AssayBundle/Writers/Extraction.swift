import AssayCrypto
import Foundation

/// One run of ``BundleExtractor``: places each entry the source yields, refusing hostile ones, and creates the
/// symlinks last, once every link of the bundle is known and each target can be resolved through the others.
struct Extraction {
    let bundle: String
    let folder: ExtractionFolder
    let source: any ExtractionSource
    let prefix: EntryPath?
    let limits: Limits
    let hasher: DigestContext
    let modified: Int

    private var files: [EntryPath: BundleEntry] = [:]
    private var directories = Set<EntryPath>()
    private var links: [EntryPath: EntryPath] = [:]
    /// The symlinks in archive order, created once every entry is placed.
    private var pendingLinks: [(path: EntryPath, target: EntryPath)] = []
    private var count = 0
    private var totalBytes: UInt64 = 0

    init(
        bundle: String, folder: ExtractionFolder, source: any ExtractionSource, prefix: EntryPath?, limits: Limits,
        hasher: DigestContext, modified: Int
    ) {
        self.bundle = bundle
        self.folder = folder
        self.source = source
        self.prefix = prefix
        self.limits = limits
        self.hasher = hasher
        self.modified = modified
    }

    /// Extracts everything; returns the entries written (files, folders, links).
    mutating func run() throws(BundleError) -> [BundleEntry] {
        while let item = try source.next() {
            count += 1
            if count > limits.maxEntries {
                throw BundleError.limitExceeded(path: bundle, limit: "entries", value: UInt64(limits.maxEntries))
            }
            try place(item)
        }
        if let refused = try source.finish().first(where: { $0.severity == .error }) {
            throw BundleError.unsafeEntry(
                path: bundle, entry: refused.path ?? "", reason: ExtractionItem.reason(refused))
        }
        for link in pendingLinks where !SymlinkResolution.staysInside(link.path, target: link.target, links: links) {
            throw refusal(link.path, "symlink points outside the folder: '\(link.target)'")
        }
        for link in pendingLinks {
            try folder.makeSymlink(link.path, target: link.target)
            try folder.setTime(link.path, seconds: modified)
        }
        // Deepest first: dating a folder after its content was written keeps the date.
        for directory in directories.sorted(by: { $0.components.count > $1.components.count }) {
            try folder.setTime(directory, seconds: modified)
        }
        return Array(files.values) + directories.map(BundleEntry.directory)
            + links.map { BundleEntry.symlink($0.key, target: $0.value) }
    }

    private mutating func place(_ item: ExtractionItem) throws(BundleError) {
        guard let path = try relative(item.path, kind: item.kind) else { return }
        for ancestor in Self.ancestors(of: path) {
            if links[ancestor] != nil { throw refusal(path, "parent '\(ancestor)' is a symlink in this bundle") }
            if files[ancestor] != nil { throw refusal(path, "parent '\(ancestor)' is a file in this bundle") }
        }
        if item.isEncrypted { throw refusal(path, "encrypted entry") }
        switch item.kind {
        case .special:
            throw refusal(path, "special file (device, FIFO or socket)")
        case .directory:
            if files[path] != nil || links[path] != nil { throw refusal(path, "duplicate entry") }
            try folder.makeDirectory(path)
            directories.formUnion(Self.ancestors(of: path) + [path])
        case .file:
            try claim(path)
            let source = source
            let size = try write(path, executable: item.executable) { () throws(BundleError) in
                try source.nextChunk()
            }
            if let declared = item.declaredSize, declared != size {
                throw BundleError.archiveCorrupt(
                    path: bundle, entry: path.description, reason: "header says \(declared) bytes, data has \(size)")
            }
        case .hardlink:
            try claim(path)
            let raw = item.linkTarget ?? []
            guard let target = try? relative(raw, kind: .file), let original = files[target] else {
                throw refusal(
                    path, "hard link to '\(EntryPath(bytes: raw))', which is not an earlier file of the bundle")
            }
            let input = try folder.openFile(target)
            defer { close(input) }
            let place = folder.path
            _ = try write(path, executable: item.executable) { () throws(BundleError) in
                try Self.read(input, from: original.path, in: place)
            }
        case .symlink:
            try claim(path)
            let target = EntryPath(bytes: item.linkTarget ?? [])
            guard !target.bytes.isEmpty, !target.bytes.contains(0) else {
                throw refusal(path, "symlink without target")
            }
            links[path] = target
            pendingLinks.append((path, target))
            directories.formUnion(Self.ancestors(of: path))
        }
    }

    /// The entry's path relative to the folder: normalised, within the limits and with the prefix removed; `nil`
    /// for the root or the prefix folder itself. Unsafe paths are refused.
    private func relative(_ raw: [UInt8], kind: ArchiveHeader.Kind) throws(BundleError) -> EntryPath? {
        let path: EntryPath
        switch PathSafety.normalize(raw) {
        case .root: return nil
        case .unsafe(let finding): throw refusal(EntryPath(bytes: raw), ExtractionItem.reason(finding))
        case .path(let normal): path = normal
        }
        if let finding = PathLimits.finding(for: path, limits: limits) {
            throw refusal(path, ExtractionItem.reason(finding))
        }
        guard let prefix else { return path }
        if path == prefix, kind == .directory { return nil }
        guard path.bytes.count > prefix.bytes.count + 1, path.bytes.starts(with: prefix.bytes + [UInt8(ascii: "/")])
        else { throw refusal(path, "outside the top-level folder '\(prefix)' the bundle was read with") }
        return EntryPath(bytes: Array(path.bytes.dropFirst(prefix.bytes.count + 1)))
    }

    /// Refuses a second entry at a path already placed.
    private func claim(_ path: EntryPath) throws(BundleError) {
        if files[path] != nil || links[path] != nil || directories.contains(path) {
            throw refusal(path, "duplicate entry")
        }
    }

    /// Creates the file at `path` from the chunks `next` yields until an empty one, hashing them; dates it and
    /// records it. Returns its size.
    private mutating func write(
        _ path: EntryPath, executable: Bool, from next: () throws(BundleError) -> [UInt8]
    ) throws(BundleError) -> UInt64 {
        let output = try folder.createFile(path, executable: executable)
        defer { close(output) }
        var size: UInt64 = 0
        while true {
            let chunk = try next()
            if chunk.isEmpty { break }
            size += UInt64(chunk.count)
            totalBytes += UInt64(chunk.count)
            if totalBytes > limits.maxTotalBytes {
                throw BundleError.limitExceeded(path: bundle, limit: "uncompressed bytes", value: limits.maxTotalBytes)
            }
            hasher.update(chunk)
            try Self.writeAll(chunk, to: output, path: path, in: folder.path)
        }
        let times = [timespec(tv_sec: modified, tv_nsec: 0), timespec(tv_sec: modified, tv_nsec: 0)]
        guard futimens(output, times) == 0 else {
            throw BundleError.extractionFailed(
                path: folder.path, reason: "\(path): \(String(cString: strerror(errno)))")
        }
        let digest = try BundleError.wrapping { () throws(CryptoError) in try hasher.finalize() }
        files[path] = .file(path, size: size, digest: digest, executable: executable)
        directories.formUnion(Self.ancestors(of: path))
        return size
    }

    private func refusal(_ entry: EntryPath, _ reason: String) -> BundleError {
        BundleError.unsafeEntry(path: bundle, entry: entry.description, reason: reason)
    }

    /// `a`, `a/b` for `a/b/c`.
    private static func ancestors(of path: EntryPath) -> [EntryPath] {
        path.bytes.indices.filter { path.bytes[$0] == UInt8(ascii: "/") }.map {
            EntryPath(bytes: Array(path.bytes[..<$0]))
        }
    }

    private static func writeAll(_ chunk: [UInt8], to fd: Int32, path: EntryPath, in folder: String)
        throws(BundleError)
    {
        var offset = 0
        while offset < chunk.count {
            let written = chunk[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                throw BundleError.extractionFailed(path: folder, reason: "\(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    private static func read(_ fd: Int32, from path: EntryPath, in folder: String) throws(BundleError) -> [UInt8] {
        var count = 0
        let chunk = [UInt8](unsafeUninitializedCapacity: 64 * 1024) { buffer, initialized in
            repeat { count = Foundation.read(fd, buffer.baseAddress, buffer.count) } while count < 0 && errno == EINTR
            initialized = max(0, count)
        }
        guard count >= 0 else {
            throw BundleError.extractionFailed(path: folder, reason: "\(path): \(String(cString: strerror(errno)))")
        }
        return chunk
    }
}
