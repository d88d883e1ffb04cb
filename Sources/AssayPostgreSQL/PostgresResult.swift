internal import CLibPQ

/// The rows a statement returned, read out of libpq's result in text format: column names and, per row, each
/// value as text or `nil` for SQL NULL.
public struct PostgresResult: Sendable {
    /// The columns' names, in order.
    public let columns: [String]
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
        guard let text = self[column], text.hasPrefix("\\x"), text.utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count / 2 - 1)
        var digits = text.utf8.dropFirst(2).makeIterator()
        while let high = digits.next(), let low = digits.next() {
            guard let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
        }
        return bytes
    }
}

/// Owns one libpq result and clears it in `deinit`.
final class ResultHandle {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { PQclear(pointer) }

    var status: ExecStatusType { PQresultStatus(pointer) }
}
