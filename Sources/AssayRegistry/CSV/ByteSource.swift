import Foundation

/// Supplies a file's bytes in chunks, or a buffer's bytes at once; owns the file descriptor it reads.
final class ByteSource {
    private let fd: Int32?
    private var pending: [UInt8]?
    let file: String

    /// Opens a file for reading in chunks.
    init(path: String) throws(RegistryError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RegistryError.io(file: path, reason: String(cString: strerror(errno))) }
        self.fd = fd
        file = path
    }

    /// Serves bytes already in memory; `file` names them in errors.
    init(bytes: [UInt8], file: String) {
        fd = nil
        pending = bytes
        self.file = file
    }

    deinit { if let fd { close(fd) } }

    /// Appends the next chunk to `buffer`; returns `false` at the end of the input.
    func fill(_ buffer: inout [UInt8]) throws(RegistryError) -> Bool {
        guard let fd else {
            guard let bytes = pending, !bytes.isEmpty else { return false }
            buffer.append(contentsOf: bytes)
            pending = nil
            return true
        }
        let chunk = 64 * 1024
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress.map { $0 + start }, chunk) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                buffer.removeLast(chunk)
                throw RegistryError.io(file: file, reason: String(cString: strerror(errno)))
            }
            buffer.removeLast(chunk - count)
            return count > 0
        }
    }
}
