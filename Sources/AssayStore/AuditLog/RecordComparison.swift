import Foundation
import GRDB

/// How the record tables compare with the state the audit log gives them.
public struct RecordComparison: Codable, Sendable, Equatable {
    /// How many record tables were compared.
    public var tables: Int
    /// How many rows they hold.
    public var rows: Int
    /// How many evidence files were checked beside the database.
    public var evidenceFiles: Int
    /// True when the evidence files were hashed again (`--deep`), not only found with the right size.
    public var evidenceRehashed: Bool
    /// How many differences were found in all.
    public var differenceCount: Int
    /// The differences, at most ``RecordComparison/shownLimit`` of them.
    public var differences: [RecordDifference]

    /// The most differences kept: enough to see what happened, bounded when a whole table was rewritten.
    public static let shownLimit = 100

    init(tables: Int = 0, rows: Int = 0, evidenceRehashed: Bool) {
        self.tables = tables
        self.rows = rows
        self.evidenceFiles = 0
        self.evidenceRehashed = evidenceRehashed
        self.differenceCount = 0
        self.differences = []
    }

    mutating func add(_ difference: RecordDifference) {
        differenceCount += 1
        if differences.count < Self.shownLimit { differences.append(difference) }
    }
}

/// One way a record table, or an evidence file, differs from what the audit log says.
public struct RecordDifference: Codable, Sendable, Equatable {
    /// What differs.
    public enum Kind: String, Codable, Sendable {
        /// The row's columns are not those of its latest log entry: it was updated behind Assay's back.
        case changed
        /// The row is in the table but in no log entry: it was inserted behind Assay's back.
        case inserted
        /// The log says the row exists but the table lacks it: it was deleted behind Assay's back.
        case deleted
        /// An evidence file is missing, or its size or SHA-256 is not the one recorded.
        case evidenceFile = "evidence-file"
    }

    /// What differs.
    public var kind: Kind
    /// The table, such as `certification`.
    public var table: String
    /// The row's primary key as a JSON array, such as `[1]`.
    public var key: String
    /// For a changed row, each column that differs with what the log says and what the table says.
    public var fields: [FieldDifference]
    /// One line saying all of it, such as `certification #1 differs from the log (validUntil: log says 2025-01-01,
    /// table says 2031-01-01)`.
    public var message: String

    /// The row's id when its key is one integer, as most tables' keys are.
    public var rowId: Int64? {
        guard key.hasPrefix("["), key.hasSuffix("]") else { return nil }
        return Int64(key.dropFirst().dropLast())
    }

    /// The row as users name it: `certification #1`, `vendorName "zte"`.
    public var subject: String { Self.subject(table: table, key: key) }

    static func subject(table: String, key: String) -> String {
        guard let values = try? JSONSerialization.jsonObject(with: Data(key.utf8), options: [.fragmentsAllowed])
            as? [Any]
        else { return "\(table) \(key)" }
        if values.count == 1, let number = values[0] as? NSNumber, !(values[0] is String) {
            return "\(table) #\(number)"
        }
        return "\(table) " + values.map { value in value is String ? "\"\(value)\"" : "\(value)" }.joined(separator: "/")
    }
}

/// A column whose value in the table is not the one the log records.
public struct FieldDifference: Codable, Sendable, Equatable {
    /// The column.
    public var column: String
    /// The value the log says the column has, as text (`null` when none).
    public var log: String
    /// The value the table has, as text (`null` when none).
    public var table: String
}

/// Replays the record rows of the log and compares them with the tables.
struct RecordReplay {
    /// Per table, per key, the state of the latest entry that wrote the row.
    private var expected: [Substring: [ByteText: Substring]] = [:]

    /// An empty replay with room for every row the tables hold now, so that replaying rarely regrows a table.
    init(sizedFor db: Database) throws {
        for table in try RecordTables.all(db) {
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM main.\(table.name.quotedDatabaseIdentifier)")
            expected[Substring(table.name)] = Dictionary(minimumCapacity: count ?? 0)
        }
    }

    /// Applies one entry's rows; false when they are not in the rows format.
    mutating func apply(_ rows: String) -> Bool {
        RecordRows.forEach(in: rows) { table, key, state in
            if let state {
                expected[table, default: [:]][ByteText(key)] = state
            } else {
                expected[table]?[ByteText(key)] = nil
            }
        }
    }

    /// Compares every record table with the replayed state.
    consuming func compare(_ db: Database, into comparison: inout RecordComparison) throws {
        for table in try RecordTables.all(db) {
            comparison.tables += 1
            let rows = expected.removeValue(forKey: Substring(table.name)) ?? [:]
            var found = 0
            try table.forEachRowBytes(db) { key, state in
                comparison.rows += 1
                // Looked up, not removed: keys are unique in a table, so counting the rows found tells whether
                // any logged row is missing, and removing costs more than the lookup.
                guard let logged = rows[ByteText(Substring(key))] else {
                    comparison.add(Self.difference(.inserted, table, key))
                    return
                }
                found += 1
                if !ByteText(logged).hasBytes(state) {
                    comparison.add(
                        Self.changed(table, key, log: String(logged), now: String(decoding: state, as: UTF8.self)))
                }
            }
            guard found < rows.count else { continue }
            // Rows were deleted: read the table's keys again to name them (only on this path).
            var present = Set<ByteText>()
            try table.forEachRow(db) { key, _ in present.insert(ByteText(Substring(key))) }
            let deleted = rows.keys.filter { !present.contains($0) }.map(\.text)
            for key in deleted.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                comparison.add(Self.difference(.deleted, table, String(key)))
            }
        }
        // Tables the log has rows for but the database no longer has.
        for (table, rows) in expected.sorted(by: { $0.key < $1.key }) {
            for key in rows.keys.map(\.text).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                comparison.add(
                    RecordDifference(
                        kind: .deleted, table: String(table), key: String(key), fields: [],
                        message: RecordDifference.subject(table: String(table), key: String(key))
                            + " is in the log but its table is gone (dropped behind Assay's back)"))
            }
        }
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

/// Replays entries' rows on a serial queue of its own, so that replaying overlaps reading and hashing the chain.
final class ReplayWorker: @unchecked Sendable {
    // Touched only on `queue`, and read by `finish()` after the queue has drained.
    private var replay: RecordReplay
    private var malformedSeq: Int64?
    private let queue = DispatchQueue(label: "assay.log-replay")

    init(_ replay: RecordReplay) {
        self.replay = replay
    }

    /// Queues one entry's rows.
    func apply(_ rows: String, seq: Int64) {
        queue.async {
            guard self.malformedSeq == nil else { return }
            if !self.replay.apply(rows) { self.malformedSeq = seq }
        }
    }

    /// Waits for the queued rows; returns the replay and the first entry whose rows were not in the rows format.
    func finish() -> (replay: RecordReplay, malformedSeq: Int64?) {
        queue.sync { (replay, malformedSeq) }
    }
}
