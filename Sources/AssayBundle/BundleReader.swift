import Foundation

/// The entry point for reading a bundle: a directory tree or an archive, told apart by what is on disk.
public enum BundleReader {
    /// Reads the bundle at `path` into a ``Manifest``.
    ///
    /// A directory is walked (symlinks recorded, never followed); anything else is opened as an archive, its format
    /// detected from content. Throws ``BundleError`` for a missing, unreadable, unrecognised, truncated or corrupt
    /// bundle, a file that changes while hashed, or an exceeded limit.
    public static func read(at path: String, options: ReadOptions = ReadOptions()) throws(BundleError) -> Manifest {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            throw errno == ENOENT ? BundleError.notFound(path: path) : BundleError.unreadable(path: path, reason: reason)
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return try DirectoryReader(path: path, options: options).read()
        case S_IFREG: return try ArchiveReader(path: path, options: options).read()
        default: throw BundleError.unrecognizedFormat(path: path)
        }
    }
}
