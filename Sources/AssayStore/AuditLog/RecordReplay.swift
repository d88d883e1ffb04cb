import AssayCrypto
import Foundation

/// Replays the record rows of the log and compares them with the tables.
///
/// The replay keeps, per row, the SHA-256 of the state the latest entry gave it and that entry's sequence number,
/// not the state itself: a few dozen bytes a row whatever the row's size, where holding the states kept every
/// entry's rows text alive (most of the log). The logged text is read back from its entry only for a row that
/// differs, to say how.
struct RecordReplay {
    /// Per table, per key, the latest logged state.
    private var expected: [String: [ByteText: LoggedState]] = [:]
    private let hasher: DigestContext

    /// An empty replay with room for every row the tables hold now, so that replaying rarely regrows a table.
    init(sizedFor db: any SQLConnection) throws {
        hasher = try DigestContext(.sha256)
        for table in try RecordTables.all(db) {
            let count = try db.value(Int.self, "SELECT count(*) FROM \(table.quotedName)")
            expected[table.name] = Dictionary(minimumCapacity: count ?? 0)
        }
    }

    /// Applies the rows of the entry `seq`; false when they are not in the rows format.
    mutating func apply(_ rows: String, seq: Int64) throws -> Bool {
        // Rows come sorted by table: each table's dictionary is taken out while its rows are applied, so that it is
        // looked up once per run of rows and mutated in place.
        var name: Substring?
        var table: [ByteText: LoggedState] = [:]
        var failure: CryptoError?
        let hasher = self.hasher
        let wellFormed = RecordRows.forEach(in: rows) { tableName, key, state in
            if tableName != name {
                if let name { expected[String(name)] = table }
                table = expected.removeValue(forKey: String(tableName)) ?? [:]
                name = tableName
            }
            guard let state else {
                table[ByteText(String(key))] = nil
                return
            }
            do throws(CryptoError) {
                let digest = try StateDigest(of: state, with: hasher)
                table[ByteText(String(key))] = LoggedState(digest: digest, seq: seq)
            } catch {
                failure = error
            }
        }
        if let name { expected[String(name)] = table }
        if let failure { throw failure }
        return wellFormed
    }

    /// Compares every record table with the replayed state.
    consuming func compare(_ db: any SQLConnection, into comparison: inout RecordComparison) throws {
        let hasher = self.hasher
        for table in try RecordTables.all(db) {
            comparison.tables += 1
            let rows = expected.removeValue(forKey: table.name) ?? [:]
            var found = 0
            try table.forEachRowBytes(db) { key, state in
                comparison.rows += 1
                // Looked up, not removed: keys are unique in a table, so counting the rows found tells whether
                // any logged row is missing, and removing costs more than the lookup.
                guard let logged = rows[ByteText(key)] else {
                    comparison.add(Self.difference(.inserted, table, key))
                    return
                }
                found += 1
                guard try StateDigest(of: state, with: hasher) != logged.digest else { return }
                try comparison.add {
                    let log = try Self.loggedState(db, table: table.name, key: key, seq: logged.seq)
                    return Self.changed(table, key, log: log, now: String(decoding: state, as: UTF8.self))
                }
            }
            guard found < rows.count else { continue }
            // Rows were deleted: read the table's keys again to name them (only on this path).
            var present = Set<ByteText>()
            try table.forEachRowBytes(db) { key, _ in present.insert(ByteText(key)) }
            let deleted = rows.keys.filter { !present.contains($0) }.map(\.text)
            for key in deleted.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                comparison.add(Self.difference(.deleted, table, key))
            }
        }
        // Tables the log has rows for but the database no longer has.
        for (table, rows) in expected.sorted(by: { $0.key < $1.key }) {
            for key in rows.keys.map(\.text).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                comparison.add(
                    RecordDifference(
                        kind: .deleted, table: table, key: key, fields: [],
                        message: RecordDifference.subject(table: table, key: key)
                            + " is in the log but its table is gone (dropped behind Assay's back)"))
            }
        }
    }

    /// The state that entry `seq` gives the row `key` of `table`, read back from the log.
    private static func loggedState(_ db: any SQLConnection, table: String, key: String, seq: Int64) throws -> String {
        var found: Substring?
        if let rows = try db.value(String.self, #"SELECT "rows" FROM "auditLog" WHERE "seq" = ?"#, [seq]) {
            let wanted = ByteText(key)
            _ = RecordRows.forEach(in: rows) { rowTable, rowKey, state in
                if found == nil, rowTable == table, ByteText(String(rowKey)) == wanted { found = state }
            }
        }
        return found.map(String.init) ?? "null"
    }

    private static func difference(_ kind: RecordDifference.Kind, _ table: RecordTable, _ key: String)
        -> RecordDifference
    {
        let subject = RecordDifference.subject(table: table.name, key: key)
        let message =
            kind == .inserted
            ? "\(subject) is not in the log (inserted behind Assay's back)"
            : "\(subject) is in the log but not in the table (deleted behind Assay's back)"
        return RecordDifference(kind: kind, table: table.name, key: key, fields: [], message: message)
    }

    private static func changed(_ table: RecordTable, _ key: String, log: String, now: String) -> RecordDifference {
        let logged = fields(of: log)
        let current = fields(of: now)
        let columns = table.columns + Set(logged.keys).union(current.keys).subtracting(table.columns).sorted()
        let fields = columns.compactMap { column -> FieldDifference? in
            let before = logged[column] ?? "(no such column)"
            let after = current[column] ?? "(no such column)"
            return before == after ? nil : FieldDifference(column: column, log: before, table: after)
        }
        let detail = fields.map { "\($0.column): log says \(clip($0.log)), table says \(clip($0.table))" }
        let subject = RecordDifference.subject(table: table.name, key: key)
        return RecordDifference(
            kind: .changed, table: table.name, key: key, fields: fields,
            message: "\(subject) differs from the log"
                + (detail.isEmpty ? " (its stored form changed)" : " (\(detail.joined(separator: "; ")))"))
    }

    /// A state's columns as text.
    private static func fields(of state: String) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(state.utf8)) as? [String: Any] else {
            return [:]
        }
        return object.mapValues { value in
            switch value {
            case is NSNull: "null"
            case let text as String: text
            default: "\(value)"
            }
        }
    }

    private static func clip(_ text: String) -> String {
        text.count > 80 ? text.prefix(77) + "…" : text
    }
}
