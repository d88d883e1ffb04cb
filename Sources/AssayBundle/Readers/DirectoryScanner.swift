import AssayCrypto
import Foundation

/// Walks a directory tree with `lstat` semantics: symlinks are recorded with their target and never followed,
/// special files become findings, nothing is opened for content (files come back with a size but no digest yet).
struct DirectoryScanner {
    let rootFD: Int32
    let rootPath: String
    let limits: Limits
    /// Files get room for a digest of this algorithm, written once they are hashed; none when `nil` (extraction).
    let algorithm: DigestAlgorithm?

    /// What a scan has found so far.
    struct Result {
        var entries = EntryList()
        var findings: [BundleFinding] = []
        fileprivate var pending: [EntryPath] = []
        fileprivate var totalBytes: UInt64 = 0
    }

    /// Every entry below the root (unsorted) and the findings about special files; with `only`, just that one name
    /// in the root folder (how a single file is read).
    func scan(only name: [UInt8]? = nil) throws(BundleError) -> Result {
        var result = Result()
        if let name {
            try visit(EntryPath(bytes: name), name: name, in: rootFD, into: &result)
        } else {
            result.pending = [EntryPath(bytes: [])]
        }
        while let directory = result.pending.popLast() {
            try list(directory) { fd, names throws(BundleError) in
                for name in names { try visit(directory.appending(name), name: name, in: fd, into: &result) }
            }
        }
        return result
    }

    /// Records one name of the folder open as `folderFD` (looked up there: one path component, not the whole path).
    private func visit(
        _ path: EntryPath, name: [UInt8], in folderFD: Int32, into result: inout Result
    ) throws(BundleError) {
        if let finding = PathLimits.finding(for: path, limits: limits) {
            result.findings.append(finding)
            return
        }
        var info = stat()
        let cName = name.map { CChar(bitPattern: $0) } + [0]
        guard fstatat(folderFD, cName, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            throw errno == ENOENT
                ? BundleError.notFound(path: display(path))
                : BundleError.unreadable(path: display(path), reason: Self.lastError())
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            result.totalBytes += UInt64(info.st_size)
            result.entries.append(
                path: path.bytes, type: .file, size: UInt64(info.st_size), executable: info.st_mode & S_IXUSR != 0,
                digestRoom: algorithm)
        case S_IFDIR:
            result.entries.append(.directory(path))
            result.pending.append(path)
        case S_IFLNK:
            let target = try linkTarget(path, cName, in: folderFD, size: Int(info.st_size))
            result.entries.append(.symlink(path, target: target))
        default:
            result.findings.append(
                BundleFinding(.specialFile, .error, path: path, "special file (\(Self.kindName(info.st_mode))) not hashed"))
        }
        if result.entries.count > limits.maxEntries {
            throw BundleError.limitExceeded(path: rootPath, limit: "entries", value: UInt64(limits.maxEntries))
        }
        if result.totalBytes > limits.maxTotalBytes {
            throw BundleError.limitExceeded(path: rootPath, limit: "bytes", value: limits.maxTotalBytes)
        }
    }

    func display(_ path: EntryPath) -> String {
        if path.bytes.isEmpty { return rootPath }
        return rootPath.hasSuffix("/") ? rootPath + path.description : rootPath + "/" + path.description
    }

    /// Calls `body` with the folder's descriptor, open while it runs, and the names in it.
    private func list(
        _ directory: EntryPath, _ body: (Int32, [[UInt8]]) throws(BundleError) -> Void
    ) throws(BundleError) {
        let fd =
            directory.bytes.isEmpty
            ? dup(rootFD)
            : openat(rootFD, Self.cPath(directory), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0, let stream = fdopendir(fd) else {
            throw BundleError.unreadable(path: display(directory), reason: Self.lastError())
        }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while let item = readdir(stream) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        try body(dirfd(stream), names)
    }

    private func linkTarget(_ path: EntryPath, _ name: [CChar], in folderFD: Int32, size: Int) throws(BundleError)
        -> EntryPath
    {
        var buffer = [UInt8](repeating: 0, count: max(size, 255) + 1)
        let count = readlinkat(folderFD, name, &buffer, buffer.count)
        guard count >= 0 else { throw BundleError.unreadable(path: display(path), reason: Self.lastError()) }
        return EntryPath(bytes: Array(buffer.prefix(count)))
    }

    /// The NUL-terminated bytes of a relative path, for the `*at` system calls.
    static func cPath(_ path: EntryPath) -> [CChar] {
        path.bytes.map { CChar(bitPattern: $0) } + [0]
    }

    static func lastError() -> String { String(cString: strerror(errno)) }

    private static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "FIFO"
        case S_IFSOCK: "socket"
        case S_IFCHR: "character device"
        case S_IFBLK: "block device"
        default: "unknown type"
        }
    }
}
