import Foundation
import Synchronization

/// The files a directory scan has found, handed in batches to the hashing workers while the scan goes on; the
/// digests they have finished, which the scan writes into its entry list as it goes; and the first failure.
///
/// Bounded both ways: there are as many workers as callers of ``next()``, never one task per file, and the scan
/// waits once ``capacity`` batches are waiting to be hashed, so memory does not grow with the tree (a scan of a
/// million small files outruns the hashing). Batches (of ``batchFiles`` files or ``batchBytes`` bytes, whichever comes
/// first) keep the hand-over off the per-file path: a small file takes less time to hash than to wake a thread for.
final class FileFeed: Sendable {
    /// A regular file to hash: its position in the scan's (unsorted) entry list, its path below the root, the size
    /// the scan saw.
    struct File: Sendable {
        let index: Int
        let path: [UInt8]
        let size: UInt64
    }

    /// The files of one hand-over, filled by the scan.
    struct Batch: Sendable {
        fileprivate(set) var files: [File] = []
        fileprivate var bytes: UInt64 = 0

        /// Adds a file; true once the batch is full.
        mutating func add(_ file: File) -> Bool {
            files.append(file)
            bytes += file.size
            return files.count >= FileFeed.batchFiles || bytes >= FileFeed.batchBytes
        }
    }

    private struct State {
        var batches: [Batch] = []
        var taken = 0
        var closed = false
        var failure: BundleError?
    }

    static let capacity = 64
    static let batchFiles = 64
    static let batchBytes: UInt64 = 1 << 20
    private let state = Mutex(State())
    private let finished = Mutex(Digests())
    private let waiting = DispatchSemaphore(value: 0)
    // Made with 0 and signalled: libdispatch refuses to free a semaphore left below the value it was made with.
    private let room = DispatchSemaphore(value: 0)

    init() {
        for _ in 0..<Self.capacity { room.signal() }
    }

    /// Hands a batch to the workers, waiting while ``capacity`` are already waiting; throws a worker's failure, which
    /// stops the scan.
    func add(_ batch: Batch) throws(BundleError) {
        guard !batch.files.isEmpty else { return }
        room.wait()
        let failure = state.withLock { state in
            if state.failure == nil { state.batches.append(batch) }
            return state.failure
        }
        if let failure {
            room.signal()
            throw failure
        }
        waiting.signal()
    }

    /// The next batch to hash, waiting for the scan to fill one; `nil` once the scan is over and every batch taken,
    /// or a worker failed.
    func next() -> [File]? {
        while true {
            waiting.wait()
            let (batch, over) = state.withLock { state -> (Batch?, Bool) in
                guard state.failure == nil else { return (nil, true) }
                guard state.taken < state.batches.count else { return (nil, state.closed) }
                let batch = state.batches[state.taken]
                state.taken += 1
                // The taken front is dropped now and then, so the array holds about `capacity` batches at most.
                if state.taken >= Self.capacity, state.taken * 2 >= state.batches.count {
                    state.batches.removeFirst(state.taken)
                    state.taken = 0
                }
                return (batch, false)
            }
            if let batch {
                room.signal()
                return batch.files
            }
            if over {
                waiting.signal()  // the next waiter sees the same and stops too
                return nil
            }
        }
    }

    /// Hands over a worker's finished digests (leaving `digests` empty).
    func deliver(_ digests: inout Digests) {
        finished.withLock { $0.take(&digests) }
    }

    /// The digests delivered since the last call.
    func takeFinished() -> Digests {
        finished.withLock { finished in
            var taken = Digests()
            taken.take(&finished)
            return taken
        }
    }

    /// Ends the feed: the workers hash what is waiting, then stop.
    func close() {
        state.withLock { $0.closed = true }
        waiting.signal()
    }

    /// Records the first failure; the workers stop at their next ``next()``, and the scan at its next ``add(_:)``.
    func fail(_ error: BundleError) {
        state.withLock { $0.failure = $0.failure ?? error }
        waiting.signal()
        room.signal()
    }

    /// Throws the first failure, once every worker has returned.
    func check() throws(BundleError) {
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }
}
