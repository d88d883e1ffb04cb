import Dispatch

/// A serial queue that runs work in order on a thread of its own, holding at most `depth` items of work not yet
/// done: whoever queues waits when the worker falls that far behind, so that verifying a log never holds more
/// than a few batches of it in memory (queueing without a bound held most of the log when hashing lagged reading).
/// Two: a batch is a megabyte or one entry, and one entry of a bulk insert is several; deeper queues held tens of
/// MiB of the log during an audit run without making it faster.
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
