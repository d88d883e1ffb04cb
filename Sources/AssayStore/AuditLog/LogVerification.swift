import AssayCore
import AssayCrypto

/// The outcome of verifying the audit log: its hash chain, the signed checkpoints stored beside it, and the record
/// tables against the state the log gives them.
public struct LogVerification: Codable, Sendable {
    /// How many entries were read.
    public var entries: Int
    /// The last entry's sequence number, when the log is not empty.
    public var headSeq: Int64?
    /// The last entry's hash: the value to write down or sign to detect later rewrites.
    public var headHash: String?
    /// The first entry where the chain breaks, or that a stored checkpoint no longer finds, when there is one.
    public var firstBreak: LogBreak?
    /// How many checkpoints stored in the database were checked against the chain.
    public var checkpointsChecked: Int
    /// The record tables compared with the log; absent when the chain is broken (there is then no trustworthy
    /// state to compare them with).
    public var records: RecordComparison?

    init(entries: Int) {
        self.entries = entries
        self.checkpointsChecked = 0
    }

    /// True when the chain is intact, every stored checkpoint is still on it, and the records match the log.
    public var isIntact: Bool { firstBreak == nil && (records?.differenceCount ?? 0) == 0 }

    /// What is wrong, a line each: the broken entry, or each record that differs from the log (the first
    /// ``RecordComparison/shownLimit``); empty when the log verifies.
    public var problems: [String] {
        if let broken = firstBreak { return ["at entry \(broken.seq): \(broken.reason)"] }
        return records?.differences.map(\.message) ?? []
    }
}

/// How much `verifyLog` checks.
public enum LogVerificationDepth: Sendable {
    /// The hash chain and the checkpoints stored in the database only: the log's own integrity, not the records'.
    case chain
    /// Also every record table against the state the log gives it, and every evidence file's presence and size.
    case records
    /// Also every evidence file's SHA-256, which reads them all.
    case deep
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
    /// Verifies the log: recomputes the chain in order, stopping at the first break; checks every stored checkpoint
    /// against it; and, when both hold and `depth` asks for it, compares every record table with the state the log
    /// gives it, and every evidence file with its size (and, when `.deep`, its SHA-256). `progress` is told how
    /// many of the log's entries have been hashed.
    public func verifyLog(_ depth: LogVerificationDepth = .records, progress: ProgressHandler? = nil) throws(StoreError)
        -> LogVerification
    {
        let evidence = EvidenceBlobs(root: location.evidenceDirectory)
        return try read { db in try Self.verifyLog(db, depth, evidence: evidence, progress: progress) }
    }

    /// Verifies the log inside the caller's read or write, so that the result describes one snapshot.
    static func verifyLog(
        _ db: any SQLConnection, _ depth: LogVerificationDepth, evidence: EvidenceBlobs, progress: ProgressHandler? = nil
    ) throws -> LogVerification {
        let compareRecords = depth != .chain
        var result = LogVerification(entries: 0)
        // When the records are compared, the chain is hashed and the rows replayed on threads of their own while
        // this one reads the log and then the tables; the comparison is kept only if the chain holds.
        let replay = compareRecords ? ReplayWorker(try RecordReplay(sizedFor: db)) : nil
        let chainWorker = compareRecords ? try ChainWorker() : nil
        let checkpoints = try db.all(LogCheckpoint.self, #"SELECT * FROM "logCheckpoint" ORDER BY "seq""#)
        var hashes: [Int64: String] = [:]  // of the entries that checkpoints sign
        let signed = Set(checkpoints.map(\.seq))
        var chain = try LogChain()
        let total = try progress.map { _ in try db.value(Int.self, #"SELECT COUNT(*) FROM "auditLog""#) ?? 0 } ?? 0
        // Entries go to the workers in batches of about a megabyte: few hand-offs, and little of the log in memory.
        var batch: [LogEntry] = []
        var batchBytes = 0
        func handOff() {
            chainWorker?.append(batch)
            replay?.apply(batch)
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
        }
        // Columns by position: a chain of 100 000 entries is read faster than through Codable.
        try db.scan(
            """
            SELECT "seq", "recordedAt", "actor", "action", "entity", "entityId", "vendorId", "change", "rows",
                   "prevHash", "hash"
            FROM "auditLog" ORDER BY "seq"
            """, []
        ) { row in
            let entry = LogEntry(
                seq: try row[0], recordedAt: try row[1], actor: try row[2], action: try row[3], entity: try row[4],
                entityId: try row[5], vendorId: try row[6], change: try row[7], rows: try row[8],
                prevHash: try row[9], hash: try row[10])
            result.entries += 1
            progress?(result.entries, total)
            result.headSeq = entry.seq
            result.headHash = entry.hash
            if signed.contains(entry.seq) { hashes[entry.seq] = entry.hash }
            if chainWorker != nil {
                batchBytes += entry.change.utf8.count + (entry.rows?.utf8.count ?? 0)
                batch.append(entry)
                if batchBytes >= 1 << 20 || batch.count >= 4096 { handOff() }
            } else if let reason = try chain.append(entry) {
                result.firstBreak = LogBreak(seq: entry.seq, reason: reason)
                return false
            }
            return true
        }
        if !batch.isEmpty { handOff() }
        let replayed = try replay?.finish()
        var records: RecordComparison?
        if let replayed, replayed.malformedSeq == nil {
            var comparison = RecordComparison(evidenceRehashed: depth == .deep)
            try replayed.replay.compare(db, into: &comparison)
            let files = try evidence.readingBodies(db, rehash: depth == .deep)
            files.check(
                try db.all(EvidenceRecord.self, #"SELECT * FROM "evidence""#), rehash: depth == .deep,
                into: &comparison)
            files.check(
                try db.all(StoredBlobRecord.self, #"SELECT * FROM "storedBlob""#), rehash: depth == .deep,
                into: &comparison)
            records = comparison
        }
        if let broken = try chainWorker?.finish() { result.firstBreak = broken }
        if let seq = replayed?.malformedSeq, seq < result.firstBreak?.seq ?? .max {
            result.firstBreak = LogBreak(seq: seq, reason: "its record rows are not in the rows format")
        }
        if result.firstBreak == nil {
            result.firstBreak = Self.checkpointBreak(checkpoints, hashes: hashes, headSeq: result.headSeq ?? 0)
            result.checkpointsChecked = checkpoints.count
        }
        if result.firstBreak == nil { result.records = records }
        return result
    }

    /// The first stored checkpoint the chain no longer passes through: the log was cut below it, or rewritten.
    private static func checkpointBreak(_ checkpoints: [LogCheckpoint], hashes: [Int64: String], headSeq: Int64)
        -> LogBreak?
    {
        for checkpoint in checkpoints {
            let made = "stored checkpoint made \(checkpoint.createdAt) by \(checkpoint.actor)"
            guard let hash = hashes[checkpoint.seq] else {
                return LogBreak(
                    seq: checkpoint.seq,
                    reason: "the log ends at entry \(headSeq) but the \(made) signs entry \(checkpoint.seq): "
                        + "entries were removed from the end")
            }
            if hash != checkpoint.hash {
                return LogBreak(
                    seq: checkpoint.seq,
                    reason: "its hash is not the one the \(made) signs: the log was rewritten up to there")
            }
        }
        return nil
    }}
