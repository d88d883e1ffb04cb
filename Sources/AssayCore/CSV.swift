/// RFC 4180 CSV: reading records with the line each starts on, and writing fields.
public enum CSV {
    /// One record and the 1-based line of the file it starts on.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    /// Splits text into records. Quoted fields may hold commas, doubled quotes and line breaks; CRLF and LF
    /// line ends are both accepted; blank lines are skipped. Returns `nil` when a quoted field never closes.
    public static func records(in text: String) -> [Record]? {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        func endRecord() {
            fields.append(field)
            if fields != [""] { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
        }
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\r" where pending == "\n": continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if quoted { return nil }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    /// A field as written: quoted, with quotes doubled, when it holds a comma, a quote or a line break.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Records as CSV text with CRLF line ends.
    public static func text(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
