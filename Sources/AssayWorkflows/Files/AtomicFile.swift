import Foundation

/// Writes files so that no half-written file is ever left under the final name.
public enum AtomicFile {
    /// Writes to a temporary file in the same folder, syncs it, then renames it into place (owner-only).
    /// A target that exists and is not a regular file (`/dev/null`, a FIFO, a terminal) is written in place:
    /// renaming over it would replace the device.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { write in try write(bytes) }
    }

    /// Writes what `produce` hands its writer, piece by piece, with the same guarantees: a large output (a manifest
    /// of millions of entries) is never held whole in memory.
    public static func write(to path: String, _ produce: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            try writeInPlace(to: path, produce)
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw WorkflowError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        do {
            try produce { bytes in try writeAll(bytes, to: fd, path: path) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WorkflowError.cannotWrite(path: path, reason: reason)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw WorkflowError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            written += count
        }
    }

    private static func writeInPlace(to path: String, _ produce: (_ write: ([UInt8]) throws -> Void) throws -> Void)
        throws
    {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw WorkflowError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        try produce { bytes in
            do {
                try handle.write(contentsOf: bytes)
            } catch {
                throw WorkflowError.cannotWrite(path: path, reason: error.localizedDescription)
            }
        }
    }
}
