import Foundation

/// Writes RFC 4180 CSV: fields holding a comma, quote or line break are quoted, quotes doubled; CRLF line ends.
public enum CSVWriter {
    /// One CSV line, ending in CRLF.
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
