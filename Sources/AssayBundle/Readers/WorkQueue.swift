import Foundation

/// The shared index hashing workers pull from, and the slots they fill, one per sorted position.
///
/// Bounded concurrency by construction: there are as many workers as callers of ``next()``, never one task per file.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [BundleEntry]
    private let fileIndexes: [Int]
    private var cursor = 0
    private var error: BundleError?

    init(entries: [BundleEntry], fileIndexes: [Int]) {
        self.entries = entries
        self.fileIndexes = fileIndexes
    }

    /// The position of the next file to hash, or `nil` when all are taken or a worker failed.
    func next() -> Int? {
        lock.withLock {
            guard error == nil, cursor < fileIndexes.count else { return nil }
            cursor += 1
            return fileIndexes[cursor - 1]
        }
    }

    /// Stores a hashed entry at its position.
    func store(_ entry: BundleEntry, at index: Int) {
        lock.withLock { entries[index] = entry }
    }

    /// Records the first failure; the other workers stop at their next ``next()``.
    func fail(_ failure: BundleError) {
        lock.withLock { error = error ?? failure }
    }

    /// All entries once every worker has returned, or the first failure.
    func finished() throws(BundleError) -> [BundleEntry] {
        let (entries, error) = lock.withLock { (self.entries, self.error) }
        if let error { throw error }
        return entries
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
