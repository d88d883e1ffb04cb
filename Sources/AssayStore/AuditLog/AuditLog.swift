import AssayCore
import AssayCrypto
import GRDB

/// Appends entries to the audit log inside the caller's transaction.
///
/// Make one per transaction: it remembers the chain's head between appends instead of reading it back.
final class AuditLog {
    let actor: String
    private var head: (seq: Int64, hash: String)?

    init(actor: String) {
        self.actor = actor
    }

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
        if head == nil {
            let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM auditLog ORDER BY seq DESC LIMIT 1")
            head = (last?["seq"] ?? 0, last?["hash"] ?? LogEntry.genesisHash)
        }
        let previous = head ?? (0, LogEntry.genesisHash)
        var entry = LogEntry(
            seq: previous.seq + 1,
            recordedAt: Timestamp.now(),
            actor: actor,
            action: action,
            entity: entity,
            entityId: entityId.description,
            vendorId: vendorId,
            change: try CanonicalJSON.encode(change),
            prevHash: previous.hash,
            hash: ""
        )
        entry.hash = try Self.hash(of: entry)
        // A cached statement rather than a Codable record insert: this runs once per change, bulk imports included.
        try db.cachedStatement(sql: """
            INSERT INTO auditLog (seq, recordedAt, actor, action, entity, entityId, vendorId, change, prevHash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                entry.seq, entry.recordedAt, entry.actor, entry.action, entry.entity, entry.entityId, entry.vendorId,
                entry.change, entry.prevHash, entry.hash,
            ])
        head = (entry.seq, entry.hash)
        return entry
    }

    /// SHA-256 over the previous hash, a newline, and the entry's canonical text.
    static func hash(of entry: LogEntry) throws(CryptoError) -> String {
        try hash(of: entry, with: Hasher(.sha256))
    }

    /// The same hash with a SHA-256 hasher that is reused from entry to entry (verifying a long chain).
    static func hash(of entry: LogEntry, with hasher: Hasher) throws(CryptoError) -> String {
        try hasher.reset()
        hasher.update(Array(entry.prevHash.utf8))
        hasher.update([0x0A] as [UInt8])
        hasher.update(Array(entry.canonicalText.utf8))
        return try hasher.finalize().hex
    }
}

/// The shape of the `change` field for additions, edits and removals.
struct Change<Value: Encodable>: Encodable {
    var before: Value?
    var after: Value?
}
