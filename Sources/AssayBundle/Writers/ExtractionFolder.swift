import Foundation

/// The folder a bundle is extracted into; owns its descriptor and closes it in `deinit`.
///
/// Every write is relative to that descriptor, and every parent folder is opened component by component with
/// `O_NOFOLLOW | O_DIRECTORY`, so no symlink — planted by the bundle or by anyone else — can redirect a write out of
/// the folder. Files are created with `O_EXCL`; modes are set explicitly (0755 or 0644), never from the process umask.
final class ExtractionFolder {
    /// The folder's path, for messages.
    let path: String
    private let rootFD: Int32

    /// Creates the folder, which must not exist yet, owner-only until the extraction is done.
    init(creating path: String) throws(BundleError) {
        self.path = path
        guard mkdir(path, 0o700) == 0 else { throw BundleError.extractionFailed(path: path, reason: Self.lastError()) }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw BundleError.extractionFailed(path: path, reason: Self.lastError()) }
        rootFD = fd
    }

    /// Opens an existing folder, to read files below it without following links.
    init(opening path: String) throws(BundleError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw BundleError.unreadable(path: path, reason: Self.lastError()) }
        rootFD = fd
    }

    deinit { close(rootFD) }

    /// Creates the directory at `path` and its missing parents (mode 0755).
    func makeDirectory(_ path: EntryPath) throws(BundleError) {
        close(try directory(path))
    }

    /// Creates a new regular file and returns its descriptor, open for writing; the caller closes it.
    func createFile(_ path: EntryPath, executable: Bool) throws(BundleError) -> Int32 {
        let parent = try directory(path.parent)
        defer { close(parent) }
        let mode: mode_t = executable ? 0o755 : 0o644
        let fd = openat(parent, Self.cName(path.name), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0, fchmod(fd, mode) == 0 else { throw failure(path) }
        return fd
    }

    /// Opens the regular file at `path` for reading, reached without following any link; the caller closes it.
    func openFile(_ path: EntryPath) throws(BundleError) -> Int32 {
        let parent = try directory(path.parent, creating: false)
        defer { close(parent) }
        let fd = openat(parent, Self.cName(path.name), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        var info = stat()
        guard fd >= 0, fstat(fd, &info) == 0 else { throw failure(path, creating: false) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw BundleError.unreadable(path: self.path + "/" + path.description, reason: "not a regular file")
        }
        return fd
    }

    /// Creates a symlink at `path` holding `target`'s bytes.
    func makeSymlink(_ path: EntryPath, target: EntryPath) throws(BundleError) {
        let parent = try directory(path.parent)
        defer { close(parent) }
        guard symlinkat(Self.cName(target.bytes), parent, Self.cName(path.name)) == 0 else { throw failure(path) }
    }

    /// Sets the access and modification times of the entry at `path` (a link itself, not what it names).
    func setTime(_ path: EntryPath, seconds: Int) throws(BundleError) {
        let parent = try directory(path.parent)
        defer { close(parent) }
        let times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        guard utimensat(parent, Self.cName(path.name), times, AT_SYMLINK_NOFOLLOW) == 0 else { throw failure(path) }
    }

    /// Opens the folder's root to others (0755) once everything is in place.
    func finish() throws(BundleError) {
        guard fchmod(rootFD, 0o755) == 0 else {
            throw BundleError.extractionFailed(path: path, reason: Self.lastError())
        }
    }

    /// A descriptor of the directory at `path` (the root for `nil`), creating missing components unless told not
    /// to; never follows a symlink. The caller closes it.
    private func directory(_ path: EntryPath?, creating: Bool = true) throws(BundleError) -> Int32 {
        var fd = dup(rootFD)
        guard fd >= 0 else { throw BundleError.extractionFailed(path: self.path, reason: Self.lastError()) }
        guard let path else { return fd }
        for component in path.bytes.split(separator: UInt8(ascii: "/")) {
            let name = Self.cName(component)
            var next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, creating, errno == ENOENT, mkdirat(fd, name, 0o755) == 0 {
                next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if next >= 0 { fchmod(next, 0o755) }
            }
            let error = errno
            close(fd)
            guard next >= 0 else {
                errno = error
                throw failure(path, creating: creating)
            }
            fd = next
        }
        return fd
    }

    /// The last system call's failure at `entry`: extraction failing, or, when only reading, an unreadable path.
    private func failure(_ entry: EntryPath, creating: Bool = true) -> BundleError {
        creating
            ? BundleError.extractionFailed(path: path, reason: "\(entry): \(Self.lastError())")
            : BundleError.unreadable(path: path + "/" + entry.description, reason: Self.lastError())
    }

    private static func cName(_ bytes: some Collection<UInt8>) -> [CChar] {
        bytes.map { CChar(bitPattern: $0) } + [0]
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
