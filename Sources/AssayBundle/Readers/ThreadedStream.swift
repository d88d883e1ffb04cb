import Foundation
import Synchronization

/// Runs a ``DecompressedStream`` on a thread of its own, a few blocks ahead of the reader: the decompression (and
/// the gzip CRC) on one core; libarchive's parsing of the archive, the manifest and the hand-over to the hashing
/// thread on another. A compressed archive then costs about its decompression alone.
///
/// Freeing the stream stops that thread and waits for it.
final class ThreadedStream: DecompressedStream {
    private let ring: BlockRing
    /// The reader's position in the ring, and whether it holds that slot (the block libarchive is reading).
    private var readSlot = 0
    private var holding = false
    private var ended: Result<Int, StreamFailure>?

    let filterName: String

    /// What the decompressed data showed; read once ``next()`` has returned the end.
    var findings: [BundleFinding] { ring.inner.findings }

    /// Starts decompressing `inner` on a new thread.
    init(_ inner: any DecompressedStream) {
        filterName = inner.filterName
        ring = BlockRing(inner)
        let ring = ring
        let thread = Thread { ring.fill() }
        thread.name = "assay-decompress"
        thread.start()
    }

    deinit { ring.stop() }

    func next() -> Result<Int, StreamFailure> {
        if let ended { return ended }
        if holding {
            ring.release()
            holding = false
            readSlot = (readSlot + 1) % BlockRing.slots
        }
        let count = ring.take(readSlot)
        guard count > 0 else {
            let last: Result<Int, StreamFailure> = count == 0 ? .success(0) : .failure(ring.failure ?? BlockRing.lost)
            ended = last
            return last
        }
        holding = true
        return .success(count)
    }

    var block: UnsafeRawPointer { ring.block(readSlot) }
}

/// The ring of ``slots`` buffers of 64 KiB, allocated once, between the decompressing thread and the reader.
///
/// Unchecked `Sendable`: `inner` and `failure` are used by the decompressing thread until it has filled its last
/// slot; each slot and its count pass from one thread to the other through the two semaphores, one at a time.
private final class BlockRing: @unchecked Sendable {
    static let slots = 8
    static let blockSize = 64 * 1024
    static let lost = StreamFailure(message: "decompression stopped")
    let inner: any DecompressedStream
    private(set) var failure: StreamFailure?
    private let buffers = UnsafeMutableRawPointer.allocate(byteCount: slots * blockSize, alignment: 64)
    /// Each filled slot's byte count; 0 for the end, -1 for a failure.
    private let counts = UnsafeMutablePointer<Int>.allocate(capacity: slots)
    private let filled = DispatchSemaphore(value: 0)
    // Made with 0 and signalled: libdispatch refuses to free a semaphore left below the value it was made with.
    private let free = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)

    init(_ inner: any DecompressedStream) {
        self.inner = inner
        counts.initialize(repeating: 0, count: Self.slots)
        for _ in 0..<Self.slots { free.signal() }
    }

    deinit {
        buffers.deallocate()
        counts.deallocate()
    }

    func block(_ slot: Int) -> UnsafeRawPointer { UnsafeRawPointer(buffers + slot * Self.blockSize) }

    /// Waits for the slot to be filled; its count.
    func take(_ slot: Int) -> Int {
        filled.wait()
        return counts[slot]
    }

    /// Gives the reader's slot back to the decompressing thread.
    func release() { free.signal() }

    /// Stops the decompressing thread (at its next block) and waits for it to end.
    func stop() {
        stopping.store(true, ordering: .relaxed)
        free.signal()  // a thread waiting for room wakes, sees the stop, and ends
        finished.wait()
    }

    /// The decompressing thread: fills slot after slot until the end, a failure, or ``stop()``.
    func fill() {
        defer { finished.signal() }
        var slot = 0
        while true {
            guard room() else { return }
            let count: Int
            switch inner.next() {
            case .success(let produced): count = produced
            case .failure(let error):
                failure = error
                count = -1
            }
            guard count > 0 else {
                counts[slot] = count
                filled.signal()
                return
            }
            // Blocks are at most 64 KiB (the streams' own buffers); a larger one would go in slot-sized pieces.
            var offset = 0
            while offset < count {
                if offset > 0 { guard room() else { return } }
                let piece = min(Self.blockSize, count - offset)
                (buffers + slot * Self.blockSize).copyMemory(from: inner.block + offset, byteCount: piece)
                counts[slot] = piece
                filled.signal()
                slot = (slot + 1) % Self.slots
                offset += piece
            }
        }
    }

    /// Waits for a free slot; false when the stream is being freed.
    private func room() -> Bool {
        free.wait()
        return !stopping.load(ordering: .relaxed)
    }
}
