import AssayCore
import AssayCrypto
import GRDB

/// The outcome of recomputing the audit log's hash chain.
public struct LogVerification: Codable, Sendable {
    /// How many entries were read.
    public var entries: Int
    /// The last entry's sequence number, when the log is not empty.
    public var headSeq: Int64?
    /// The last entry's hash: the value to write down or sign to detect later rewrites.
    public var headHash: String?
    /// The first entry where the chain breaks, when it does.
    public var firstBreak: LogBreak?

    /// True when every entry links to the one before and matches its hash.
    public var isIntact: Bool { firstBreak == nil }
}

/// Where and how the chain breaks.
public struct LogBreak: Codable, Sendable, Equatable {
    /// The sequence number of the first entry that does not verify.
    public var seq: Int64
    /// What is wrong there.
    public var reason: String

    public init(seq: Int64, reason: String) {
        self.seq = seq
        self.reason = reason
    }
}

extension Store {
    /// Recomputes the whole chain in order, stopping at the first break.
    public func verifyLog() throws(StoreError) -> LogVerification {
        try read { db in try Self.verifyLog(db) }
    }

    /// Recomputes the chain inside the caller's read, so that the result describes the same snapshot.
    static func verifyLog(_ db: Database) throws -> LogVerification {
        var result = LogVerification(entries: 0)
        var expectedSeq: Int64 = 1
        var previousHash = LogEntry.genesisHash
        let hasher = try Hasher(.sha256)
        // Columns by position: a chain of 100 000 entries is read faster than through Codable.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT seq, recordedAt, actor, action, entity, entityId, vendorId, change, prevHash, hash
                FROM auditLog ORDER BY seq
                """)
        while let row = try rows.next() {
            let entry = LogEntry(
                seq: row[0], recordedAt: row[1], actor: row[2], action: row[3], entity: row[4], entityId: row[5],
                vendorId: row[6], change: row[7], prevHash: row[8], hash: row[9])
            result.entries += 1
            result.headSeq = entry.seq
            result.headHash = entry.hash
            if let reason = try Self.breakReason(
                entry, expectedSeq: expectedSeq, previousHash: previousHash, hasher: hasher)
            {
                result.firstBreak = LogBreak(seq: entry.seq, reason: reason)
                break
            }
            expectedSeq = entry.seq + 1
            previousHash = entry.hash
        }
        return result
    }

    private static func breakReason(_ entry: LogEntry, expectedSeq: Int64, previousHash: String, hasher: Hasher)
        throws -> String?
    {
        if entry.seq != expectedSeq {
            return expectedSeq == entry.seq - 1
                ? "entry \(expectedSeq) is missing (deleted)"
                : "entries \(expectedSeq)…\(entry.seq - 1) are missing (deleted)"
        }
        if entry.prevHash != previousHash {
            return "its link to entry \(entry.seq - 1) is broken (an entry was changed, removed, inserted or reordered)"
        }
        if try AuditLog.hash(of: entry, with: hasher) != entry.hash {
            return "its content does not match its hash (the entry was edited)"
        }
        return nil
    }
}
