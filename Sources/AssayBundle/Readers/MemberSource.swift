internal import CArchive

/// The content of the current member of an outer archive (a package's `data.tar.xz`), pulled block by block with
/// the outer archive's `archive_read_data` as a decompressor or an inner archive asks for it: never extracted to
/// disk, never held whole in memory.
///
/// Owns a 64 KiB buffer and frees it in `deinit`.
final class MemberSource: ByteSource {
    /// The member's name, for messages.
    let member: String
    private let outer: ArchiveHandle
    private static let blockSize = 64 * 1024
    private let buffer = UnsafeMutableRawPointer.allocate(byteCount: MemberSource.blockSize, alignment: 16)
    private var start = 0
    private var end = 0
    private var block: UnsafeRawPointer
    /// The outer archive's own failure while reading the member (a truncated package): the error to report.
    private(set) var error: BundleError?

    init(_ outer: ArchiveHandle, member: String) {
        self.outer = outer
        self.member = member
        block = UnsafeRawPointer(buffer)
    }

    deinit { buffer.deallocate() }

    /// Up to `count` first bytes of the member (fewer when it is shorter); they are read again afterwards.
    func peek(_ count: Int) -> Result<[UInt8], StreamFailure> {
        if start == end {
            switch pull(into: buffer, count: Self.blockSize) {
            case .success(let got): (start, end) = (0, got)
            case .failure(let failure): return .failure(failure)
            }
        }
        return .success(Array(UnsafeRawBufferPointer(start: buffer + start, count: min(count, end - start))))
    }

    func read(into destination: UnsafeMutableRawPointer, count: Int) -> Result<Int, StreamFailure> {
        guard start < end else { return pull(into: destination, count: count) }
        let copied = min(count, end - start)
        destination.copyMemory(from: buffer + start, byteCount: copied)
        start += copied
        return .success(copied)
    }

    /// The next block for libarchive, at ``block``: the bytes held back by ``peek(_:)``, else a fresh read.
    private func nextBlock() -> Result<Int, StreamFailure> {
        if start == end {
            switch pull(into: buffer, count: Self.blockSize) {
            case .success(let got): (start, end) = (0, got)
            case .failure(let failure): return .failure(failure)
            }
        }
        block = UnsafeRawPointer(buffer + start)
        defer { start = end }
        return .success(end - start)
    }

    private func pull(into destination: UnsafeMutableRawPointer, count: Int) -> Result<Int, StreamFailure> {
        do {
            return .success(try outer.readData(into: destination, capacity: count, entry: member))
        } catch {
            self.error = error
            return .failure(StreamFailure(message: error.description))
        }
    }

    /// The libarchive read callback; `client` is an unretained `MemberSource` that its reader keeps alive.
    static let readCallback:
        @convention(c) (
            OpaquePointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<UnsafeRawPointer?>?
        ) -> Int = { archive, client, buffer in
            guard let client, let buffer else { return -1 }
            let source = Unmanaged<MemberSource>.fromOpaque(client).takeUnretainedValue()
            switch source.nextBlock() {
            case .success(let count):
                buffer.pointee = source.block
                return count
            case .failure(let failure):
                assay_archive_set_error(archive, failure.message)
                return -1
            }
        }
}
