import AssayCrypto

/// A record row's key and state written in Swift exactly as SQLite's `json_array` and `json_object` write them
/// (no spaces; `"` and `\` escaped with a backslash, backspace, tab, newline, form feed and carriage return by
/// name, other control characters as `\u00xx`, everything else as is), for a store whose database does not write
/// them itself: the PostgreSQL store's log then holds the very text the SQLite store's would.
enum RecordStateText {
    /// `[v1,v2,…]` of a primary key's values.
    static func key(_ values: [SQLValue]) throws -> String {
        var text = "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            try append(value, to: &text)
        }
        return text + "]"
    }

    /// `{"column":value,…}` of a row, BLOB columns as `"sha256:HEX"` of their bytes.
    static func state(columns: [String], values: [SQLValue], blobColumns: Set<String>) throws -> String {
        var text = "{"
        for (index, column) in columns.enumerated() {
            if index > 0 { text += "," }
            appendString(column, to: &text)
            text += ":"
            let value = values[index]
            if blobColumns.contains(column), !value.isNull {
                appendString("sha256:" + (try DigestContext.digest(Self.bytes(value))).hex, to: &text)
            } else {
                try append(value, to: &text)
            }
        }
        return text + "}"
    }

    private static func bytes(_ value: SQLValue) -> [UInt8] {
        switch value {
        case .null: []
        case .integer(let number): Array(String(number).utf8)
        case .real(let number): Array(String(number).utf8)
        case .text(let text): Array(text.utf8)
        case .blob(let bytes): bytes
        }
    }

    private static func append(_ value: SQLValue, to text: inout String) throws {
        switch value {
        case .null: text += "null"
        case .integer(let number): text += String(number)
        case .text(let string): appendString(string, to: &text)
        case .real, .blob:
            // No record column holds either: SQLite would write a real its own way and refuse a BLOB.
            throw StoreError.database("a record column holds \(value.kind), which the log does not state")
        }
    }

    private static func appendString(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\u{08}": text += "\\b"
            case "\t": text += "\\t"
            case "\n": text += "\\n"
            case "\u{0C}": text += "\\f"
            case "\r": text += "\\r"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                text += "\\u00" + (hex.count == 1 ? "0" + hex : hex)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
