import AssayCore
import AssayCrypto
import Foundation

/// Whether the log still extends a signed checkpoint.
public enum CheckpointCheck: Sendable, Equatable {
    /// The signature is valid, the chain is intact and its entry `seq` still has the checkpoint's hash.
    case extended(entries: Int, headSeq: Int64)
    /// The checkpoint is not signed by the given key (or was altered after signing).
    case badSignature
    /// The log no longer reaches the checkpoint's entry: entries were removed.
    case truncated(logEndsAt: Int64, checkpointSeq: Int64)
    /// The checkpoint's entry now has another hash: the log was rewritten up to there.
    case rewritten(seq: Int64)

    /// True when the log extends the checkpoint unchanged.
    public var holds: Bool { if case .extended = self { true } else { false } }
}

extension Store {
    /// Signs the audit log's current head with `key`, stores the checkpoint and returns it.
    ///
    /// Storing the checkpoint is logged (`log.checkpoint`) in the entry after the head it signs.
    /// - Throws: ``StoreError/refused(_:)`` when the log is empty, ``StoreError/logDoesNotVerify(_:)`` when the
    ///   chain, a stored checkpoint, the records or the evidence files do not verify: a broken log is never signed.
    public func recordCheckpoint(signingWith key: PrivateKey) throws(StoreError) -> LogCheckpoint {
        let actor = self.actor
        let blobs = EvidenceBlobs(root: location.evidenceDirectory)
        return try write { db, log in
            guard
                let head = try db.row("SELECT \"seq\", \"hash\" FROM \"auditLog\" ORDER BY \"seq\" DESC LIMIT 1")
            else {
                throw StoreError.refused("the audit log is empty: there is no head to checkpoint yet")
            }
            if let problem = try Self.verifyLog(db, .records, evidence: blobs).problems.first {
                throw StoreError.logDoesNotVerify(problem)
            }
            var checkpoint = LogCheckpoint(
                seq: try head["seq"], hash: try head["hash"], createdAt: Timestamp.now(), actor: actor,
                keyType: key.type.rawValue, keyFingerprint: key.publicKey.fingerprint.hex)
            let message = checkpoint.signedMessage
            checkpoint.signature = try StoreError.hashing { () throws(CryptoError) in try key.sign(message: message) }
                .base64
            try db.insert(checkpoint)
            try log.append(
                db, action: "log.checkpoint", entity: "logCheckpoint", entityId: checkpoint.seq, vendorId: nil,
                change: Change(after: checkpoint))
            return checkpoint
        }
    }

    /// The most recent stored checkpoint (for reports), or `nil` when none was made.
    public func latestCheckpoint() throws(StoreError) -> LogCheckpoint? {
        try read { db in
            try db.one(LogCheckpoint.self, "SELECT * FROM \"logCheckpoint\" ORDER BY \"id\" DESC LIMIT 1")
        }
    }

    /// Checks that `checkpoint` is signed by `key` and that the log, verified whole, still passes through it.
    ///
    /// A broken chain is reported by ``verifyLog()``; call it first. Here an intact chain whose entry
    /// `checkpoint.seq` has another hash means the whole chain was rewritten.
    public func check(_ checkpoint: LogCheckpoint, key: PublicKey) throws(StoreError) -> CheckpointCheck {
        let signed = try StoreError.hashing { () throws(CryptoError) in
            try key.verify(signature: checkpoint.signatureBytes, message: checkpoint.signedMessage)
        }
        guard signed else { return .badSignature }
        return try read { db in
            let entries = try db.count(LogEntry.self)
            let headSeq = try db.value(Int64.self, "SELECT MAX(\"seq\") FROM \"auditLog\"") ?? 0
            guard
                let hash = try db.value(
                    String.self, "SELECT \"hash\" FROM \"auditLog\" WHERE \"seq\" = ?", [checkpoint.seq])
            else {
                return .truncated(logEndsAt: headSeq, checkpointSeq: checkpoint.seq)
            }
            return hash == checkpoint.hash
                ? .extended(entries: entries, headSeq: headSeq)
                : .rewritten(seq: checkpoint.seq)
        }
    }
}

extension [UInt8] {
    fileprivate var base64: String { Data(self).base64EncodedString() }
}
