import Foundation
import Synchronization

/// The shared cursor hashing workers pull positions from, and the first failure.
///
/// Bounded concurrency by construction: there are as many workers as callers of ``next()``, never one task per file;
/// taking a position is one atomic add, no lock and no allocation.
final class WorkQueue: Sendable {
    private let cursor = Atomic<Int>(0)
    private let failed = Atomic<Bool>(false)
    private let failure = Mutex<BundleError?>(nil)
    private let count: Int

    /// A queue of the positions `0..<count`.
    init(count: Int) { self.count = count }

    /// The next position, or `nil` when all are taken or a worker failed.
    func next() -> Int? {
        guard !failed.load(ordering: .relaxed) else { return nil }
        let index = cursor.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }

    /// Records the first failure; the other workers stop at their next ``next()``.
    func fail(_ error: BundleError) {
        failure.withLock { $0 = $0 ?? error }
        failed.store(true, ordering: .relaxed)
    }

    /// Throws the first failure, once every worker has returned.
    func check() throws(BundleError) {
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

/// Progress of one worker, flushed to the shared counter every few MiB so workers do not contend on its lock.
final class ProgressBatch {
    private let counter: ProgressCounter
    private var pending: UInt64 = 0
    private static let flushBytes: UInt64 = 4 << 20

    init(counter: ProgressCounter) { self.counter = counter }

    func add(_ bytes: Int) {
        pending += UInt64(bytes)
        if pending >= Self.flushBytes {
            counter.add(bytes: pending, fileDone: false)
            pending = 0
        }
    }

    func finish() {
        counter.add(bytes: pending, fileDone: true)
        pending = 0
    }
}
