import Dispatch

/// A serial queue that runs work in order on a thread of its own, holding at most `depth` items of work not yet
/// done: whoever queues waits when the worker falls that far behind, so that verifying a log never holds more
/// than a few batches of it in memory (queueing without a bound held most of the log when hashing lagged reading).
/// Two by default: a batch is a megabyte or one entry, and one entry of a bulk insert is several megabytes, so four
/// held some 20 MiB of the log at an audit run's peak where two keep the workers fed.
final class BoundedQueue: Sendable {
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore

    init(label: String, depth: Int = 2) {
        queue = DispatchQueue(label: label)
        slots = DispatchSemaphore(value: depth)
    }

    /// Queues `work`, first waiting for a free slot.
    func async(_ work: @escaping @Sendable () -> Void) {
        slots.wait()
        queue.async { [slots] in
            work()
            slots.signal()
        }
    }

    /// Runs `body` once the work queued before it is done.
    func sync<T>(_ body: () -> T) -> T {
        queue.sync(execute: body)
    }
}
