import AssayCore
import AssayCrypto
import GRDB

/// Appends entries to the audit log inside the caller's transaction.
struct AuditLog {
    let actor: String

    /// Appends one entry for a change and returns it.
    @discardableResult
    func append(
        _ db: Database,
        action: String,
        entity: String,
        entityId: some CustomStringConvertible,
        vendorId: Int64?,
        change: some Encodable
    ) throws -> LogEntry {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM auditLog ORDER BY seq DESC LIMIT 1")
        var entry = LogEntry(
            seq: (last?["seq"] ?? 0) + 1,
            recordedAt: Timestamp.now(),
            actor: actor,
            action: action,
            entity: entity,
            entityId: entityId.description,
            vendorId: vendorId,
            change: try CanonicalJSON.encode(change),
            prevHash: last?["hash"] ?? LogEntry.genesisHash,
            hash: ""
        )
        entry.hash = try Self.hash(of: entry)
        try entry.insert(db)
        return entry
    }

    /// SHA-256 over the previous hash, a newline, and the entry's canonical text.
    static func hash(of entry: LogEntry) throws(CryptoError) -> String {
        try Hasher.digest(Array((entry.prevHash + "\n" + entry.canonicalText).utf8)).hex
    }
}

/// The shape of the `change` field for additions, edits and removals.
struct Change<Value: Encodable>: Encodable {
    var before: Value?
    var after: Value?
}
