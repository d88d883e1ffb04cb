import Foundation
import Synchronization

/// The files a directory scan has found, handed to the hashing workers while the scan goes on, and the first
/// failure.
///
/// Bounded both ways: there are as many workers as callers of ``next()``, never one task per file, and the scan
/// waits once ``capacity`` files are waiting to be hashed, so memory does not grow with the tree (a scan of a million
/// small files outruns the hashing).
final class FileFeed: Sendable {
    /// A regular file to hash: its position in the scan's (unsorted) entry list, its path below the root, the size
    /// the scan saw.
    struct File: Sendable {
        let index: Int
        let path: [UInt8]
        let size: UInt64
    }

    private struct State {
        var files: [File] = []
        var taken = 0
        var closed = false
        var failure: BundleError?
    }

    static let capacity = 4096
    private let state = Mutex(State())
    private let waiting = DispatchSemaphore(value: 0)
    private let room = DispatchSemaphore(value: FileFeed.capacity)
    /// Hands a file to the workers, waiting while ``capacity`` are already waiting; throws a worker's failure, which
    /// stops the scan.
    func add(_ file: File) throws(BundleError) {
        room.wait()
        let failure = state.withLock { state in
            if state.failure == nil { state.files.append(file) }
            return state.failure
        }
        if let failure {
            room.signal()
            throw failure
        }
        waiting.signal()
    }

    /// The next file to hash, waiting for the scan to find one; `nil` once the scan is over and every file taken, or
    /// a worker failed.
    func next() -> File? {
        while true {
            waiting.wait()
            let (file, over) = state.withLock { state -> (File?, Bool) in
                guard state.failure == nil else { return (nil, true) }
                guard state.taken < state.files.count else { return (nil, state.closed) }
                let file = state.files[state.taken]
                state.taken += 1
                // The taken front is dropped now and then, so the array holds about `capacity` files at most.
                if state.taken >= Self.capacity, state.taken * 2 >= state.files.count {
                    state.files.removeFirst(state.taken)
                    state.taken = 0
                }
                return (file, false)
            }
            if let file {
                room.signal()
                return file
            }
            if over {
                waiting.signal()  // the next waiter sees the same and stops too
                return nil
            }
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
