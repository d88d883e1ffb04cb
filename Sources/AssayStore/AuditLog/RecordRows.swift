import Foundation

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
        // Byte-wise with memchr: the text can run to megabytes, and tabs and newlines are ASCII.
        let utf8 = text.utf8
        let scanned = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress else { return true }
            let end = base + bytes.count
            func find(_ byte: UInt8, from start: UnsafePointer<UInt8>, to limit: UnsafePointer<UInt8>)
                -> UnsafePointer<UInt8>?
            {
                memchr(start, Int32(byte), limit - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
            }
            func slice(_ from: UnsafePointer<UInt8>, _ to: UnsafePointer<UInt8>) -> Substring {
                text[utf8.index(utf8.startIndex, offsetBy: from - base)..<utf8.index(utf8.startIndex, offsetBy: to - base)]
            }
            var line = base
            while line < end {
                let lineEnd = find(0x0A, from: line, to: end) ?? end
                guard let firstTab = find(0x09, from: line, to: lineEnd),
                    let secondTab = find(0x09, from: firstTab + 1, to: lineEnd)
                else { return false }
                let stateStart = secondTab + 1
                let isNull = lineEnd - stateStart == 4 && memcmp(stateStart, "null", 4) == 0
                body(
                    slice(line, firstTab), slice(firstTab + 1, secondTab),
                    isNull ? nil : slice(stateStart, lineEnd))
                line = lineEnd + 1
            }
            return true
        }
        // Native strings are always contiguous; a bridged one is copied once to be.
        return scanned ?? forEach(in: String(decoding: Array(utf8), as: UTF8.self), body)
    }
}

/// Text that is equal, and hashes, by its UTF-8 bytes: `String` compares by Unicode canonical equivalence, which
/// would let an NFD rewrite of an NFC key pass for the same key, and hashes slower.
struct ByteText: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ByteText, rhs: ByteText) -> Bool {
        let left = lhs.text.utf8
        let right = rhs.text.utf8
        guard left.count == right.count else { return false }
        let compared = left.withContiguousStorageIfAvailable { a in
            right.withContiguousStorageIfAvailable { b in
                a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
            }
        }
        return (compared ?? nil) ?? left.elementsEqual(right)
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if hashed == nil { for byte in text.utf8 { hasher.combine(byte) } }
    }
}
