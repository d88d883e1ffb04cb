import AssayCore

/// One entry of the hash-chained audit log: who changed what, when, and the link to the entry before it.
public struct LogEntry: Codable, Sendable, Equatable {
    /// Position in the chain, from 1.
    public var seq: Int64
    /// When the change was recorded (ISO 8601 UTC).
    public var recordedAt: String
    /// Who made it (`--actor`, else `$USER`).
    public var actor: String
    /// What was done, such as `vendor.add` or `cert.set-status`.
    public var action: String
    /// The kind of record changed, such as `vendor` or `certification`.
    public var entity: String
    /// The changed record's id.
    public var entityId: String
    /// The vendor the change concerns, when there is one.
    public var vendorId: Int64?
    /// The change as canonical JSON (`after`, `before`, or both).
    public var change: String
    /// The state of every record row the entry's transaction wrote, one line per row, `table<TAB>key<TAB>state`,
    /// sorted by table and key: the key is the JSON array of the row's primary key and the state the JSON object of
    /// its columns, or `null` for a row that was deleted (``RecordRows``). `nil` on entries that changed no record
    /// and on entries written before v9 of the schema.
    public var rows: String?
    /// The previous entry's hash (64 zeros for the first entry).
    public var prevHash: String
    /// SHA-256 over the previous hash and this entry's canonical text.
    public var hash: String

    /// The hash of the (absent) entry before the first.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The canonical text that the hash covers: every field but the hash and the rows, in a fixed order.
    var canonicalText: String {
        // Appended piece by piece into one buffer: this runs for every entry written and every entry verified.
        var text = "{\"action\":"
        text.reserveCapacity(change.utf8.count + 256)
        Self.appendQuoted(action, to: &text)
        text += ",\"actor\":"
        Self.appendQuoted(actor, to: &text)
        text += ",\"change\":"
        text += change
        text += ",\"entity\":"
        Self.appendQuoted(entity, to: &text)
        text += ",\"entityId\":"
        Self.appendQuoted(entityId, to: &text)
        text += ",\"recordedAt\":"
        Self.appendQuoted(recordedAt, to: &text)
        text += ",\"seq\":"
        text += String(seq)
        text += ",\"vendorId\":"
        text += vendorId.map(String.init) ?? "null"
        text += "}"
        return text
    }

    /// Appends `CanonicalJSON.quote(value)`, without its temporary strings when `value` needs no escape.
    private static func appendQuoted(_ value: String, to text: inout String) {
        guard !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            text += CanonicalJSON.quote(value)
            return
        }
        text += "\""
        text += value
        text += "\""
    }

    /// The table's columns, for queries.
}

extension LogEntry: SQLRecord {
    public static let databaseTableName = "auditLog"
    public static let keyColumns = ["seq"]
}
