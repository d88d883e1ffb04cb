import Foundation
import AssayCrypto

/// Walks a hash chain of log entries in order and names the first one that does not follow from the ones before.
///
/// This is the one place that decides whether an entry is on the chain: `log verify` walks the database with it,
/// and `pack verify` walks an evidence pack's exported log with it, both through ``AuditLog``'s hash function.
public struct LogChain {
    /// The sequence number the next entry must have.
    public private(set) var expectedSeq: Int64
    /// The hash the next entry must link to: the last accepted entry's, or ``LogEntry/genesisHash``.
    public private(set) var headHash: String
    private let hasher: DigestContext

    /// A chain that starts at entry 1, after the genesis hash.
    public init() throws(StoreError) {
        expectedSeq = 1
        headHash = LogEntry.genesisHash
        hasher = try StoreError.hashing { () throws(CryptoError) in try DigestContext(.sha256) }
    }

    /// Accepts `entry` as the next link and returns `nil`, or returns why it is not the next link (and leaves the
    /// chain as it was).
    public mutating func append(_ entry: LogEntry) throws(StoreError) -> String? {
        if entry.seq != expectedSeq {
            return expectedSeq == entry.seq - 1
                ? "entry \(expectedSeq) is missing (deleted)"
                : entry.seq > expectedSeq
                    ? "entries \(expectedSeq)…\(entry.seq - 1) are missing (deleted)"
                    : "entry \(entry.seq) comes where entry \(expectedSeq) should (reordered or repeated)"
        }
        if entry.prevHash != headHash {
            return "its link to entry \(entry.seq - 1) is broken (an entry was changed, removed, inserted or reordered)"
        }
        let hasher = self.hasher
        let hash = try StoreError.hashing { () throws(CryptoError) in try AuditLog.hash(of: entry, with: hasher) }
        if hash != entry.hash {
            return "its content does not match its hash (the entry was edited)"
        }
        expectedSeq = entry.seq + 1
        headHash = entry.hash
        return nil
    }
}

/// Walks a chain on a serial queue of its own, so that hashing overlaps reading the log and the tables.
final class ChainWorker: @unchecked Sendable {
    // Touched only on `queue`, and read by `finish()` after the queue has drained.
    private var chain: LogChain
    private var firstBreak: LogBreak?
    private var failure: StoreError?
    private let queue = BoundedQueue(label: "assay.log-chain")

    init() throws(StoreError) {
        chain = try LogChain()
    }

    /// Queues a batch of entries, in order; entries after the first break are ignored. Waits while the worker is
    /// several batches behind.
    func append(_ entries: [LogEntry]) {
        queue.async {
            for entry in entries {
                guard self.firstBreak == nil, self.failure == nil else { return }
                do throws(StoreError) {
                    if let reason = try self.chain.append(entry) {
                        self.firstBreak = LogBreak(seq: entry.seq, reason: reason)
                    }
                } catch {
                    self.failure = error
                }
            }
        }
    }

    /// Waits for the queued entries; returns the first break, if any.
    func finish() throws(StoreError) -> LogBreak? {
        let (firstBreak, failure) = queue.sync { (self.firstBreak, self.failure) }
        if let failure { throw failure }
        return firstBreak
    }
}
