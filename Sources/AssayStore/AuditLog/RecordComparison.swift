import Foundation

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

    /// Counts a difference, building it only when it is among those kept.
    mutating func add(_ make: () throws -> RecordDifference) rethrows {
        differenceCount += 1
        if differences.count < Self.shownLimit { differences.append(try make()) }
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
