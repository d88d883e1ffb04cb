internal import CArchive
import Foundation

/// Inflates a gzip file for libarchive, checking each member's CRC-32 and length, which libarchive's own gzip
/// filter skips: a flipped bit in a `.tar.gz` must be named, not hashed into a plausible-looking manifest.
///
/// Concatenated members are read in turn; zero bytes after the last member are padding, which gzip ignores; any other
/// bytes there are trailing garbage, reported as a finding (gzip itself warns "trailing garbage ignored").
/// Owns its input, the zlib stream and both 64 KiB buffers; frees them in `deinit`.
final class GzipStream: DecompressedStream {
    /// Whether the file starts with the gzip magic bytes.
    static func isGzip(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 2)) == Data(magic)
    }

    private static let magic: [UInt8] = [0x1f, 0x8b]
    private static let bufferSize = 64 * 1024
    private let source: any ByteSource
    /// Heap-allocated: zlib keeps a pointer back to the stream and checks it, so its address must never change.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let input = UnsafeMutablePointer<UInt8>.allocate(capacity: bufferSize)
    private let output = UnsafeMutablePointer<UInt8>.allocate(capacity: bufferSize)
    private var inputEnded = false
    private var memberEnded = false
    private var finished = false
    private var trailingBytes: UInt64 = 0

    let filterName = "gz"

    /// Trailing garbage after the last member, once the stream has been read to its end.
    var findings: [BundleFinding] {
        guard trailingBytes > 0 else { return [] }
        return [
            BundleFinding(
                .trailingData, .error, path: nil,
                "\(trailingBytes) bytes of trailing garbage after the last gzip member, not covered by any entry")
        ]
    }

    /// Opens a gzip file for inflating.
    static func open(path: String) throws(BundleError) -> GzipStream {
        try open(FileSource(path: path), path: path)
    }

    /// Opens gzip data read from `source`; `path` names it in errors.
    static func open(_ source: any ByteSource, path: String) throws(BundleError) -> GzipStream {
        let gzip = GzipStream(source: source)
        guard assay_inflate_init_gzip(gzip.stream) == Z_OK else {
            throw BundleError.unreadable(path: path, reason: "zlib could not be initialised")
        }
        return gzip
    }

    /// Takes ownership of `source`; cannot fail, so `deinit` always runs exactly once on fully built state.
    private init(source: any ByteSource) {
        self.source = source
        stream.initialize(to: z_stream())
    }

    deinit {
        inflateEnd(stream)  // harmless on a stream whose inflateInit failed
        stream.deallocate()
        input.deallocate()
        output.deallocate()
    }

    func next() -> Result<Int, StreamFailure> {
        while !finished {
            if let failure = refill(atLeast: memberEnded ? 2 : 1) { return .failure(failure) }
            if memberEnded {
                if stream.pointee.avail_in == 0 { break }
                guard let failure = startNextMemberOrSkipTrailing() else { continue }
                return .failure(failure)
            }
            stream.pointee.next_out = output
            stream.pointee.avail_out = UInt32(Self.bufferSize)
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = Self.bufferSize - Int(stream.pointee.avail_out)
            switch status {
            case Z_STREAM_END: memberEnded = true
            case Z_OK, Z_BUF_ERROR: break
            default: return .failure(StreamFailure(message: "gzip data error: \(zlibMessage)"))
            }
            if produced > 0 { return .success(produced) }
            if !memberEnded && inputEnded && stream.pointee.avail_in == 0 {
                return .failure(StreamFailure(message: "truncated gzip input"))
            }
        }
        finished = true
        return .success(0)
    }

    /// The start of the inflated block counted by ``next()``.
    var block: UnsafeRawPointer { UnsafeRawPointer(output) }

    /// After a member: another member when the gzip magic follows; otherwise the rest of the file is padding (all
    /// zero) or trailing garbage, counted and skipped.
    private func startNextMemberOrSkipTrailing() -> StreamFailure? {
        let pending = UnsafeBufferPointer(start: stream.pointee.next_in, count: Int(stream.pointee.avail_in))
        if pending.starts(with: Self.magic) {
            inflateReset(stream)
            memberEnded = false
            return nil
        }
        var count: UInt64 = 0
        var garbage = false
        repeat {
            let bytes = UnsafeBufferPointer(start: stream.pointee.next_in, count: Int(stream.pointee.avail_in))
            count += UInt64(bytes.count)
            garbage = garbage || bytes.contains { $0 != 0 }
            stream.pointee.avail_in = 0
            if let failure = refill(atLeast: 1) { return failure }
        } while stream.pointee.avail_in > 0
        trailingBytes = garbage ? count : 0
        finished = true
        return nil
    }

    /// Reads more input until `count` bytes are pending or the file ends, keeping the pending bytes.
    private func refill(atLeast count: Int) -> StreamFailure? {
        while Int(stream.pointee.avail_in) < count && !inputEnded {
            let pending = Int(stream.pointee.avail_in)
            if pending > 0, let start = stream.pointee.next_in, start != input {
                memmove(input, start, pending)
            }
            let got: Int
            switch source.read(into: input + pending, count: Self.bufferSize - pending) {
            case .success(let count): got = count
            case .failure(let failure): return failure
            }
            inputEnded = got == 0
            stream.pointee.next_in = input
            stream.pointee.avail_in = UInt32(pending + got)
        }
        return nil
    }

    private var zlibMessage: String { stream.pointee.msg.map { String(cString: $0) } ?? "corrupt deflate stream" }
}
