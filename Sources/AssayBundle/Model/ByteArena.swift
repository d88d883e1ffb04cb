import Foundation

/// The byte storage of an ``EntryList``: one buffer grown with `realloc`, so that a buffer of hundreds of megabytes
/// grows in place (the kernel moves its pages) instead of being copied into a new one twice its size, which is what
/// an `Array` does and what would double a large bundle's peak memory.
///
/// A reference type: ``EntryList`` copies it before mutating a shared one, so lists keep value semantics.
final class ByteArena: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt8>?
    private(set) var count = 0
    private var capacity = 0

    init() {}

    deinit { free(base) }

    /// A copy holding the same bytes.
    func copy() -> ByteArena {
        let copy = ByteArena()
        copy.append(buffer)
        return copy
    }

    /// The bytes written so far.
    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The bytes written so far, to overwrite in place.
    var mutableBuffer: UnsafeMutableBufferPointer<UInt8> { UnsafeMutableBufferPointer(start: base, count: count) }

    /// Appends bytes.
    func append(_ bytes: some Collection<UInt8>) {
        let added = bytes.count
        reserve(added)
        guard let base else { return }
        let target = UnsafeMutableBufferPointer(start: base + count, count: added)
        if bytes.withContiguousStorageIfAvailable({ source in
            source.baseAddress.map { target.baseAddress?.update(from: $0, count: added) }
        }) == nil {
            _ = target.initialize(from: bytes)
        }
        count += added
    }

    /// Appends `count` zero bytes (room for a digest written later).
    func appendZeros(_ added: Int) {
        reserve(added)
        guard let base else { return }
        (base + count).initialize(repeating: 0, count: added)
        count += added
    }

    private func reserve(_ added: Int) {
        guard count + added > capacity else { return }
        let grown = Swift.max(count + added, capacity * 2, 4096)
        guard let moved = realloc(base, grown) else {
            // As an Array that cannot grow would: there is no way on without the memory.
            fatalError("out of memory: could not grow an entry list to \(grown) bytes")
        }
        base = moved.assumingMemoryBound(to: UInt8.self)
        capacity = grown
    }
}
