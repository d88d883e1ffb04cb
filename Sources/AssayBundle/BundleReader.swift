import Foundation

/// The entry point for reading a bundle: a directory tree, an archive, or a single file.
public enum BundleReader {
    /// How to treat the path given to ``read(at:as:options:)``.
    public enum Kind: String, Sendable, CaseIterable {
        /// A directory is walked; a regular file must be a tar or zip archive or a package (`.deb`, `.rpm`, `.ipk`,
        /// read as its installed payload), detected from content, otherwise ``BundleError/unrecognizedFormat(path:)``.
        case auto
        /// A single regular file, hashed as it is (a one-entry manifest named by its file name), even an archive.
        case file
    }

    /// Reads the bundle at `path` into a ``Manifest``.
    ///
    /// A directory is walked (symlinks recorded, never followed); a regular file is opened as an archive, its format
    /// detected from content, or with `kind: .file` hashed as one file. Throws ``BundleError`` for a missing,
    /// unreadable, unrecognised, truncated or corrupt bundle, a file that changes while hashed, or an exceeded limit.
    public static func read(
        at path: String,
        as kind: Kind = .auto,
        options: ReadOptions = ReadOptions()
    ) throws(BundleError) -> Manifest {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            throw errno == ENOENT
                ? BundleError.notFound(path: path) : BundleError.unreadable(path: path, reason: reason)
        }
        switch (info.st_mode & S_IFMT, kind) {
        case (S_IFDIR, .auto): return try DirectoryReader(path: path, options: options).read()
        case (S_IFREG, .auto):
            if let format = PackageDetection.format(of: path) {
                return try PackageRead.read(at: path, format: format, options: options).manifest
            }
            return try ArchiveReader(path: path, options: options).read()
        case (S_IFREG, .file):
            let url = URL(fileURLWithPath: path)
            let name = Array(url.lastPathComponent.utf8)
            return try DirectoryReader(path: url.deletingLastPathComponent().path, options: options, only: name).read()
        default: throw BundleError.unrecognizedFormat(path: path)
        }
    }
}
