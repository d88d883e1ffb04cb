import Foundation

/// A bounded handoff between the thread that reads and inflates an archive and the thread that hashes it.
///
/// At most ``capacity`` chunks of at most 64 KiB are in flight, so memory stays constant whatever the archive size,
/// and the archive costs about the larger of inflate time and hash time instead of their sum. Hashed chunks come back
/// through ``recycle(_:)`` and are filled again: no allocation (and no fresh pages to fault in) per chunk.
final class ChunkChannel: @unchecked Sendable {
    enum Message {
        /// Content bytes of the current file: the first `count` bytes of the buffer.
        case data([UInt8], count: Int)
        /// The current file is complete; its digest belongs at this raw-entry position.
        case end(index: Int)
    }

    let capacity: Int
    private let condition = NSCondition()
    private var queue: [Message] = []
    private var head = 0
    private var closed = false
    /// Whether the receiver (or the sender) sleeps; the other side wakes it only then, and only once a batch is
    /// ready (half the capacity queued, or freed): one wake-up per batch of small files, not two per file.
    private var receiverWaits = false
    private var senderWaits = false
    /// Hashed chunks' buffers, for the sender to fill again.
    private var spares: [[UInt8]] = []

    init(capacity: Int = 64) { self.capacity = capacity }

    /// Waits for room, then enqueues; a message sent after ``close()`` is dropped.
    func send(_ message: Message) {
        condition.lock()
        defer { condition.unlock() }
        while queue.count - head >= capacity && !closed {
            if receiverWaits { condition.signal() }
            senderWaits = true
            condition.wait()
        }
        guard !closed else { return }
        queue.append(message)
        if receiverWaits && queue.count - head >= capacity / 2 {
            receiverWaits = false
            condition.signal()
        }
    }

    /// The next message, waiting for one; `nil` once the channel is closed and drained.
    func receive() -> Message? {
        condition.lock()
        defer { condition.unlock() }
        while queue.count == head && !closed {
            if senderWaits {
                senderWaits = false
                condition.signal()
            }
            receiverWaits = true
            condition.wait()
        }
        receiverWaits = false
        guard head < queue.count else { return nil }
        let message = queue[head]
        queue[head] = .end(index: -1)  // so that the receiver holds the one reference to a chunk's buffer
        head += 1
        // Taken messages go at once (a sender that always keeps the queue busy must not make it grow with the
        // archive): at most `capacity` are left to move.
        if head == queue.count || head >= capacity {
            queue.removeFirst(head)
            head = 0
        }
        if senderWaits && queue.count - head <= capacity / 2 {
            senderWaits = false
            condition.signal()
        }
        return message
    }

    /// A buffer of `size` bytes to fill with the next chunk: a hashed chunk's, or a new one.
    func buffer(size: Int) -> [UInt8] {
        condition.lock()
        let spare = spares.popLast()
        condition.unlock()
        if let spare, spare.count == size { return spare }
        return [UInt8](repeating: 0, count: size)
    }

    /// Gives a hashed chunk's buffer back (the receiver holds its one reference, so it is filled again in place).
    func recycle(_ buffer: [UInt8]) {
        condition.lock()
        if spares.count < capacity { spares.append(buffer) }
        condition.unlock()
    }

    /// No more messages: the receiver drains what is queued, then gets `nil`.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
