internal import CArchive

/// A decompressed byte stream that libarchive reads an archive from, block by block, and that Assay reads to its
/// very end once the archive's last entry is read: the tail of a compressed file (a gzip trailer, an xz index) is
/// where truncation hides, and a tar reader stops before it.
protocol DecompressedStream: AnyObject {
    /// The next decompressed block: a count of bytes at ``block``, 0 at the end, or a failure.
    func next() -> Result<Int, StreamFailure>
    /// The start of the block counted by ``next()``.
    var block: UnsafeRawPointer { get }
    /// The compression's short name (`gz`, `xz`, `bz2`, `zst`…).
    var filterName: String { get }
    /// What was noticed in the compressed data itself once it was read to the end (trailing garbage).
    var findings: [BundleFinding] { get }
}

/// A read or decompression failure, in words for the user.
struct StreamFailure: Error {
    let message: String
}

/// Holds a stream for libarchive's read callback, which receives it as unretained client data.
final class StreamFeed {
    let stream: any DecompressedStream

    init(_ stream: any DecompressedStream) { self.stream = stream }

    /// Reads the stream until its end; a failure there is the archive's truncation or corruption.
    func drain() -> StreamFailure? {
        while true {
            switch stream.next() {
            case .success(0): return nil
            case .success: continue
            case .failure(let failure): return failure
            }
        }
    }

    /// The libarchive read callback; `client` is an unretained `StreamFeed` that the archive handle keeps alive.
    static let readCallback:
        @convention(c) (
            OpaquePointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<UnsafeRawPointer?>?
        ) -> Int = { archive, client, buffer in
            guard let client, let buffer else { return -1 }
            let feed = Unmanaged<StreamFeed>.fromOpaque(client).takeUnretainedValue()
            switch feed.stream.next() {
            case .success(let count):
                buffer.pointee = feed.stream.block
                return count
            case .failure(let failure):
                assay_archive_set_error(archive, failure.message)
                return -1
            }
        }
}
