import Foundation

/// Where a decompressor's input comes from: a file, or the current member of an outer archive (a package's
/// `data.tar.gz`).
protocol ByteSource: AnyObject {
    /// Reads up to `count` bytes into `buffer`: the count read, 0 at the end, or a failure.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Result<Int, StreamFailure>
}

/// A file descriptor as a ``ByteSource``; owns the descriptor and closes it in `deinit`.
final class FileSource: ByteSource {
    private let fd: Int32

    /// Opens the file at `path` for reading.
    init(path: String) throws(BundleError) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BundleError.unreadable(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit { close(fd) }

    func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Result<Int, StreamFailure> {
        let got = Foundation.read(fd, buffer, count)
        return got < 0 ? .failure(StreamFailure(message: String(cString: strerror(errno)))) : .success(got)
    }
}
