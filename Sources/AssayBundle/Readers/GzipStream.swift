internal import CArchive
import Foundation

/// Inflates a gzip file for libarchive, checking each member's CRC-32 and length, which libarchive's own gzip
/// filter skips: a flipped bit in a `.tar.gz` must be named, not hashed into a plausible-looking manifest.
///
/// zlib checks each member's header (and its header CRC); the member's data CRC is computed here with
/// `assay_crc32` (PCLMULQDQ folding, several times zlib's own speed) and compared with the trailer, with zlib's
/// words for a mismatch, so the check costs little beside the inflate it runs next to.
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
    /// The current member's header, which zlib fills in (only `done` is read): heap-allocated, zlib keeps a pointer.
    private let header = UnsafeMutablePointer<gz_header>.allocate(capacity: 1)
    /// Whether zlib still checks the current member (until its header is read, so that zlib checks the header CRC).
    private var zlibChecks = true
    /// The CRC-32 and length (modulo 2^32) of the current member's data, and the last 8 input bytes inflate took:
    /// the member's trailer, once it has ended.
    private var crc: UInt = 0
    private var length: UInt32 = 0
    private var lastInput: UInt64 = 0
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
        gzip.startMember()
        return gzip
    }

    /// Takes ownership of `source`; cannot fail, so `deinit` always runs exactly once on fully built state.
    private init(source: any ByteSource) {
        self.source = source
        stream.initialize(to: z_stream())
        header.initialize(to: gz_header())
    }

    deinit {
        inflateEnd(stream)  // harmless on a stream whose inflateInit failed
        stream.deallocate()
        header.deallocate()
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
            let offered = stream.pointee.next_in
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = Self.bufferSize - Int(stream.pointee.avail_out)
            if let offered { tookInput(from: offered, produced: produced) }
            switch status {
            case Z_STREAM_END:
                if let failure = checkTrailer() { return .failure(failure) }
                memberEnded = true
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
            startMember()
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

    /// Before a member: zlib reads and checks its header; the data's CRC is left to ``tookInput(from:produced:)``.
    private func startMember() {
        header.pointee = gz_header()
        inflateGetHeader(stream, header)
        inflateValidate(stream, 1)
        zlibChecks = true
        (crc, length, lastInput) = (0, 0, 0)
    }

    /// After an inflate call that took the input from `offered` to `next_in` and produced `produced` bytes: the
    /// CRC of the output, the last input bytes, and zlib's checking turned off once the header is read.
    private func tookInput(from offered: UnsafeMutablePointer<UInt8>, produced: Int) {
        if produced > 0 {
            crc = assay_crc32(crc, output, produced)
            length &+= UInt32(truncatingIfNeeded: produced)
        }
        let taken = stream.pointee.next_in.map { $0 - offered } ?? 0
        for byte in UnsafeBufferPointer(start: offered + max(0, taken - 8), count: min(taken, 8)) {
            lastInput = lastInput >> 8 | UInt64(byte) << 56
        }
        if zlibChecks && header.pointee.done == 1 {
            inflateValidate(stream, 0)
            zlibChecks = false
        }
    }

    /// At a member's end: its trailer (CRC-32, then length, little-endian) against the data, unless zlib checked it.
    private func checkTrailer() -> StreamFailure? {
        guard !zlibChecks else { return nil }
        if UInt32(truncatingIfNeeded: lastInput) != UInt32(truncatingIfNeeded: crc) {
            return StreamFailure(message: "gzip data error: incorrect data check")
        }
        if UInt32(truncatingIfNeeded: lastInput >> 32) != length {
            return StreamFailure(message: "gzip data error: incorrect length check")
        }
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
