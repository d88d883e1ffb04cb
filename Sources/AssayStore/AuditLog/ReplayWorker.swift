import AssayCrypto
import Dispatch

/// A row's latest logged state as the replay keeps it: a digest of the state's bytes and the entry that wrote it.
struct LoggedState {
    var digest: StateDigest
    var seq: Int64
}

/// The first 128 bits of the SHA-256 of a state's UTF-8 bytes, held inline (no allocation per row). A row edited
/// behind Assay's back passes only if its new state has the digest of the logged one: a second preimage, which
/// 128 bits of SHA-256 put out of reach, while halving what a row costs the replay.
struct StateDigest: Equatable {
    private var high: UInt64 = 0
    private var low: UInt64 = 0

    /// The digest of the bytes of `state`.
    init(of state: Substring, with hasher: DigestContext) throws(CryptoError) {
        let hashed: Void? = state.utf8.withContiguousStorageIfAvailable { hasher.update(UnsafeRawBufferPointer($0)) }
        if hashed == nil { hasher.update(Array(state.utf8)) }
        try finish(hasher)
    }

    /// The digest of `bytes`.
    init(of bytes: UnsafeRawBufferPointer, with hasher: DigestContext) throws(CryptoError) {
        hasher.update(bytes)
        try finish(hasher)
    }

    private mutating func finish(_ hasher: DigestContext) throws(CryptoError) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let result = withUnsafeMutableBytes(of: &words) { output in
            Result { () throws(CryptoError) in try hasher.finalize(into: output) }
        }
        try result.get()
        (high, low) = (words.0, words.1)
    }
}

/// Replays entries' rows on a serial queue of its own, so that replaying overlaps reading and hashing the chain.
final class ReplayWorker: @unchecked Sendable {
    // Touched only on `queue`, and read by `finish()` after the queue has drained.
    private var replay: RecordReplay
    private var malformedSeq: Int64?
    private var failure: (any Error)?
    private let queue = BoundedQueue(label: "assay.log-replay")

    init(_ replay: RecordReplay) {
        self.replay = replay
    }

    /// Queues a batch of entries, in order; waits while the worker is several batches behind.
    func apply(_ entries: [LogEntry]) {
        queue.async {
            for entry in entries {
                guard self.malformedSeq == nil, self.failure == nil else { return }
                guard let rows = entry.rows else { continue }
                do {
                    if try !self.replay.apply(rows, seq: entry.seq) { self.malformedSeq = entry.seq }
                } catch {
                    self.failure = error
                }
            }
        }
    }

    /// Waits for the queued rows; returns the replay and the first entry whose rows were not in the rows format.
    func finish() throws -> (replay: RecordReplay, malformedSeq: Int64?) {
        let (replay, malformedSeq, failure) = queue.sync { (self.replay, self.malformedSeq, self.failure) }
        if let failure { throw failure }
        return (replay, malformedSeq)
    }
}
