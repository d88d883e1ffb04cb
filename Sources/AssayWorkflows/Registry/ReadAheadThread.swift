import Foundation

/// Runs a reader on a thread of its own, a few batches ahead of whoever takes its values, so that parsing a file
/// and writing what it says run on two cores instead of taking turns on one.
///
/// Values go over in batches (one lock and one wake-up per batch, not per value), at most `depth` batches ahead, so
/// memory stays flat however long the file. The reader's error is thrown by ``next()`` once the values read before it
/// have been taken. Call ``stop()`` when done, also early: the thread then ends at its next batch.
///
/// `@unchecked Sendable`: the queue of batches and the end are guarded by `condition`; the batch being taken is
/// touched only by the consumer, and `produce` only by the thread, which owns it from `init` on.
final class ReadAheadThread<Element: Sendable, Failure: Error>: @unchecked Sendable {
    private let condition = NSCondition()
    private let depth: Int
    private var batches: [[Element]] = []
    private var end: Failure??
    private var stopped = false
    private var current: [Element] = []
    private var taken = 0

    /// Starts calling `produce` on a new thread until it returns `nil` or throws.
    init(batch: Int = 256, depth: Int = 4, _ produce: sending @escaping () throws(Failure) -> Element?) {
        self.depth = depth
        let producer = Producer(produce)
        let thread = Thread { [self] in run(producer, batch: batch) }
        thread.name = "assay-read-ahead"
        thread.start()
    }

    /// The next value, waiting for the thread if need be; `nil` at the end.
    func next() throws(Failure) -> Element? {
        if taken == current.count {
            condition.lock()
            while batches.isEmpty && end == nil { condition.wait() }
            guard !batches.isEmpty else {
                let failure = end ?? nil
                condition.unlock()
                if let failure { throw failure }
                return nil
            }
            current = batches.removeFirst()
            taken = 0
            condition.broadcast()
            condition.unlock()
        }
        defer { taken += 1 }
        return current[taken]
    }

    /// Tells the thread that no more values will be taken.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func run(_ producer: Producer, batch size: Int) {
        // The reader, and what it holds (an open file), is let go as soon as the thread is done with it.
        defer { producer.produce = nil }
        guard let produce = producer.produce else { return }
        var batch: [Element] = []
        batch.reserveCapacity(size)
        var failure: Failure?
        do throws(Failure) {
            while let element = try produce() {
                batch.append(element)
                guard batch.count == size else { continue }
                guard hand(batch) else { return }
                batch.removeAll(keepingCapacity: true)
            }
        } catch {
            failure = error
        }
        if !batch.isEmpty, !hand(batch) { return }
        condition.lock()
        end = .some(failure)
        condition.broadcast()
        condition.unlock()
    }

    /// Queues a batch once there is room; `false` when the consumer has stopped.
    private func hand(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= depth && !stopped { condition.wait() }
        guard !stopped else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The reader, handed to the thread (`@unchecked Sendable`: only the thread touches it after `init`).
    private final class Producer: @unchecked Sendable {
        var produce: (() throws(Failure) -> Element?)?
        init(_ produce: @escaping () throws(Failure) -> Element?) { self.produce = produce }
    }
}
