import AssayCore
import AssayCrypto

/// Appends entries to the audit log inside the caller's transaction.
///
/// Make one per transaction. Entries are numbered as they are appended and written by ``commit(_:)`` at the end of
/// the transaction, the last one carrying the state of every record row the transaction wrote (``RecordRows``):
/// that is what binds the tables to the log, so that `log verify` can tell a row changed behind Assay's back.
final class AuditLog {
    let actor: String
    private var head: (seq: Int64, hash: String)?
    private var pending: [LogEntry] = []

    init(actor: String) {
        self.actor = actor
    }

    /// Adds one entry for a change; it is written with the others when the transaction commits.
    func append(
        _ db: any SQLConnection,
        action: String,
        entity: String,
        entityId: some CustomStringConvertible,
        vendorId: Int64?,
        change: some Encodable
    ) throws {
        let seq = try nextSeq(db)
        pending.append(
            LogEntry(
                seq: seq, recordedAt: Timestamp.now(), actor: actor, action: action, entity: entity,
                entityId: entityId.description, vendorId: vendorId, change: try CanonicalJSON.encode(change),
                rows: nil, prevHash: "", hash: ""))
    }

    /// Writes the pending entries, chained and hashed, the last one carrying the rows the transaction wrote.
    ///
    /// A transaction that wrote rows but described no change gets an entry of its own (`store.write`), so that no
    /// committed row is ever missing from the log.
    func commit(_ db: any SQLConnection) throws {
        let rows = try RecordTables.takeTouchedRows(db)
        if !rows.isEmpty, pending.isEmpty {
            try append(db, action: "store.write", entity: "store", entityId: "", vendorId: nil, change: [String]())
        }
        try write(db, rows: rows)
    }

    /// Appends one entry holding the state of every record row as it is now: the starting point of the records'
    /// binding to the log for a database whose rows predate it, or whose tables a migration reshaped.
    func appendBaseline(_ db: any SQLConnection, reason: String) throws {
        let rows = try RecordTables.all(db).flatMap { table in try table.currentRows(db) }
        guard !rows.isEmpty else { return }
        try append(
            db, action: "store.baseline", entity: "store", entityId: "", vendorId: nil,
            change: ["reason": reason])
        try write(db, rows: rows)
    }

    private func nextSeq(_ db: any SQLConnection) throws -> Int64 {
        if let last = pending.last { return last.seq + 1 }
        if head == nil {
            let last = try db.row(#"SELECT "seq", "hash" FROM "auditLog" ORDER BY "seq" DESC LIMIT 1"#)
            head = (try last?["seq"] ?? 0, try last?["hash"] ?? LogEntry.genesisHash)
        }
        return (head?.seq ?? 0) + 1
    }

    private func write(_ db: any SQLConnection, rows: [RecordRow]) throws {
        guard !pending.isEmpty else { return }
        pending[pending.count - 1].rows = rows.isEmpty ? nil : RecordRows.text(of: rows)
        let hasher = try DigestContext(.sha256)
        var previousHash = head?.hash ?? LogEntry.genesisHash
        // One statement text with positional values rather than a Codable record insert: this runs once per change,
        // bulk imports included, and the SQLite store caches the prepared statement by its text.
        let insert = """
            INSERT INTO "auditLog" ("seq", "recordedAt", "actor", "action", "entity", "entityId", "vendorId",
                                    "change", "rows", "prevHash", "hash")
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        for var entry in pending {
            entry.prevHash = previousHash
            entry.hash = try Self.hash(of: entry, with: hasher)
            try db.run(
                insert,
                [
                    entry.seq, entry.recordedAt, entry.actor, entry.action, entry.entity, entry.entityId,
                    entry.vendorId, entry.change, entry.rows, entry.prevHash, entry.hash,
                ])
            previousHash = entry.hash
            head = (entry.seq, entry.hash)
        }
        pending.removeAll()
    }

    /// SHA-256 over the previous hash, a newline, the entry's canonical text and, when the entry carries record
    /// rows, a newline and the rows' text (the canonical text never holds a raw newline, so the split is unambiguous).
    static func hash(of entry: LogEntry, with hasher: DigestContext) throws(CryptoError) -> String {
        try hasher.reset()
        // Each text is hashed where it lies: copying the rows of a large transaction cost as much as hashing them.
        update(hasher, entry.prevHash)
        update(hasher, "\n")
        update(hasher, entry.canonicalText)
        if let rows = entry.rows {
            update(hasher, "\n")
            update(hasher, rows)
        }
        return try hasher.finalize().hex
    }

    private static func update(_ hasher: DigestContext, _ text: String) {
        var text = text
        text.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
    }
}

/// The shape of the `change` field for additions, edits and removals.
struct Change<Value: Encodable>: Encodable {
    var before: Value?
    var after: Value?
}
