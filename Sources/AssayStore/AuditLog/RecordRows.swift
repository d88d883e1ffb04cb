/// One record row as the audit log holds it: its table, its key and its state after a change.
struct RecordRow: Sendable, Equatable {
    /// The table, such as `certification`.
    var table: String
    /// The JSON array of the row's primary-key values, such as `[12]` or `["zte"]`.
    var key: String
    /// The JSON object of the row's columns (BLOB columns as `sha256:HEX`), or `nil` when the row was deleted.
    var state: String?
}

/// The text form of record rows in a log entry's `rows` field: one line per row, `table<TAB>key<TAB>state`, with
/// `null` as the state of a deleted row.
///
/// Keys and states are JSON written by SQLite's `json_array` and `json_object`, which escape every control character,
/// so neither a tab nor a newline can appear inside them.
enum RecordRows {
    /// The text of `rows`, in the order given.
    static func text(of rows: [RecordRow]) -> String {
        var text = ""
        text.reserveCapacity(rows.reduce(0) { $0 + $1.table.utf8.count + $1.key.utf8.count + ($1.state?.utf8.count ?? 4) + 3 })
        for (index, row) in rows.enumerated() {
            if index > 0 { text += "\n" }
            text += row.table
            text += "\t"
            text += row.key
            text += "\t"
            text += row.state ?? "null"
        }
        return text
    }

    /// Calls `body` with each line's table, key and state (`nil` for a deleted row); returns false when a line is
    /// not of that shape.
    static func forEach(in text: String, _ body: (Substring, Substring, Substring?) -> Void) -> Bool {
        // Byte-wise: the text can run to megabytes, and tabs and newlines are ASCII.
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            guard let firstTab = bytes[lineStart..<lineEnd].firstIndex(of: 0x09) else { return false }
            let keyStart = bytes.index(after: firstTab)
            guard let secondTab = bytes[keyStart..<lineEnd].firstIndex(of: 0x09) else { return false }
            let state = text[bytes.index(after: secondTab)..<lineEnd]
            body(text[lineStart..<firstTab], text[keyStart..<secondTab], state == "null" ? nil : state)
            lineStart = lineEnd == bytes.endIndex ? lineEnd : bytes.index(after: lineEnd)
        }
        return true
    }
}
