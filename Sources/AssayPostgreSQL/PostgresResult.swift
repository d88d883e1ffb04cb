internal import CLibPQ

/// The rows a statement returned, read out of libpq's result in text format: column names and, per row, each
/// value as text or `nil` for SQL NULL.
public struct PostgresResult: Sendable {
    /// The columns' names, in order.
    public let columns: [String]
    /// Each column's type (its `pg_type` OID: 20 `bigint`, 25 `text`, 17 `bytea`, …), in order.
    public let columnTypes: [UInt32]
    /// The rows, each with one value per column.
    public let rows: [PostgresRow]
    /// How many rows an INSERT, UPDATE or DELETE touched (0 for other statements).
    public let affectedRows: Int

    /// Reads a successful result; the caller keeps ownership of `handle`.
    init(_ handle: ResultHandle) {
        let result = handle.pointer
        let columnCount = PQnfields(result)
        let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        let index = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.columns = columns
        columnTypes = (0..<columnCount).map { UInt32(PQftype(result, $0)) }
        rows = (0..<PQntuples(result)).map { row in
            PostgresRow(
                values: (0..<columnCount).map { column in
                    PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
                }, index: index)
        }
        affectedRows = Int(String(cString: PQcmdTuples(result))) ?? 0
    }
}

/// One row of a ``PostgresResult``.
public struct PostgresRow: Sendable {
    /// Each column's value as text (PostgreSQL's text output), `nil` for SQL NULL.
    public let values: [String?]
    let index: [String: Int]

    /// The value of the column at `position`, `nil` for NULL or a position past the last column.
    public subscript(position: Int) -> String? {
        values.indices.contains(position) ? values[position] : nil
    }

    /// The value of the named column, `nil` for NULL or no such column.
    public subscript(column: String) -> String? {
        index[column].flatMap { self[$0] }
    }

    /// The bytes of a `bytea` column (PostgreSQL's hex output, `\x…`), `nil` for NULL or text that is not that.
    public func bytes(_ column: String) -> [UInt8]? {
        self[column].flatMap(Self.bytes(hex:))
    }

    /// The bytes of `bytea` hex output (`\x…`), `nil` for text that is not that.
    public static func bytes(hex text: String) -> [UInt8]? {
        let digits = text.utf8
        guard digits.starts(with: "\\x".utf8), digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2 - 1)
        var iterator = digits.dropFirst(2).makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let high = Self.nibble(high), let low = Self.nibble(low) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    /// The value of one hexadecimal digit, `nil` for another character.
    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Owns one libpq result and clears it in `deinit`.
final class ResultHandle {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { PQclear(pointer) }

    var status: ExecStatusType { PQresultStatus(pointer) }
}
