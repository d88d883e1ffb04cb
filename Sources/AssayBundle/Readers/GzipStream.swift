internal import CArchive
import Foundation

/// Inflates a gzip file for libarchive, checking each member's CRC-32 and length, which libarchive's own gzip
/// filter skips: a flipped bit in a `.tar.gz` must be named, not hashed into a plausible-looking manifest.
///
/// Owns the file descriptor, the zlib stream and both 64 KiB buffers; frees them in `deinit`.
final class GzipStream {
    /// Whether the file starts with the gzip magic bytes.
    static func isGzip(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 2)) == Data([0x1f, 0x8b])
    }

    private let fd: Int32
    /// Heap-allocated: zlib keeps a pointer back to the stream and checks it, so its address must never change.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let input = UnsafeMutablePointer<UInt8>.allocate(capacity: 64 * 1024)
    private let output = UnsafeMutablePointer<UInt8>.allocate(capacity: 64 * 1024)
    private var inputEnded = false
    private var memberEnded = false

    /// Opens a gzip file for inflating.
    static func open(path: String) throws(BundleError) -> GzipStream {
        let fd = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BundleError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        let gzip = GzipStream(fd: fd)
        guard assay_inflate_init_gzip(gzip.stream) == Z_OK else {
            throw BundleError.unreadable(path: path, reason: "zlib could not be initialised")
        }
        return gzip
    }

    /// Takes ownership of `fd`; cannot fail, so `deinit` always runs exactly once on fully built state.
    private init(fd: Int32) {
        self.fd = fd
        stream.initialize(to: z_stream())
    }

    deinit {
        inflateEnd(stream)  // harmless on a stream whose inflateInit failed
        stream.deallocate()
        close(fd)
        input.deallocate()
        output.deallocate()
    }

    /// The next inflated block: a count of bytes at ``block``, 0 at the end, or a failure.
    func next() -> Result<Int, Failure> {
        while true {
            if stream.pointee.avail_in == 0 && !inputEnded {
                let count = read(fd, input, 64 * 1024)
                if count < 0 { return .failure(Failure(message: String(cString: strerror(errno)))) }
                inputEnded = count == 0
                stream.pointee.next_in = input
                stream.pointee.avail_in = UInt32(count)
            }
            if memberEnded {
                if stream.pointee.avail_in == 0 {
                    if inputEnded { return .success(0) }
                    continue
                }
                if UnsafeBufferPointer(start: stream.pointee.next_in, count: Int(stream.pointee.avail_in)).allSatisfy({
                    $0 == 0
                }) {
                    stream.pointee.avail_in = 0  // zero padding after the last member, which gzip ignores
                    continue
                }
                inflateReset(stream)  // a concatenated member follows
                memberEnded = false
            }
            stream.pointee.next_out = output
            stream.pointee.avail_out = 64 * 1024
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = 64 * 1024 - Int(stream.pointee.avail_out)
            switch status {
            case Z_STREAM_END: memberEnded = true
            case Z_OK, Z_BUF_ERROR: break
            default: return .failure(Failure(message: "gzip data error: \(zlibMessage)"))
            }
            if produced > 0 { return .success(produced) }
            if !memberEnded && inputEnded && stream.pointee.avail_in == 0 {
                return .failure(Failure(message: "truncated gzip input"))
            }
        }
    }

    /// The start of the inflated block counted by ``next()``.
    var block: UnsafeRawPointer { UnsafeRawPointer(output) }

    /// A read or inflate failure, in words for the user.
    struct Failure: Error {
        let message: String
    }

    /// The libarchive read callback; `client` is an unretained `GzipStream` that the archive handle keeps alive.
    static let readCallback:
        @convention(c) (
            OpaquePointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<UnsafeRawPointer?>?
        ) -> Int = { archive, client, buffer in
            guard let client, let buffer else { return -1 }
            let gzip = Unmanaged<GzipStream>.fromOpaque(client).takeUnretainedValue()
            switch gzip.next() {
            case .success(let count):
                buffer.pointee = gzip.block
                return count
            case .failure(let failure):
                assay_archive_set_error(archive, failure.message)
                return -1
            }
        }

    private var zlibMessage: String { stream.pointee.msg.map { String(cString: $0) } ?? "corrupt deflate stream" }
}
