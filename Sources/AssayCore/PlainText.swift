import Foundation

/// Names and identifiers are plain text: no character that a terminal or a text renderer would act on.
public enum PlainText {
    /// Refuses text holding a control character or a bidirectional formatting character (``Unicode/Scalar/isTextControl``).
    ///
    /// - Throws: ``ValueError/controlCharacter(field:character:)`` naming the field and the first such character.
    public static func check(_ text: String, field: String) throws(ValueError) {
        if let scalar = text.unicodeScalars.first(where: \.isTextControl) {
            throw .controlCharacter(field: field, character: scalar.codePoint)
        }
    }
}

extension Unicode.Scalar {
    /// True for the C0 and C1 control characters (tab, line breaks, escape and DEL among them), the line and
    /// paragraph separators, and the bidirectional formatting characters (such as U+202E RIGHT-TO-LEFT OVERRIDE):
    /// characters that make a terminal run a command, split a line, or show text in an order other than stored.
    public var isTextControl: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The code point in Unicode's notation, at least four hexadecimal digits: `U+001B`, `U+202E`.
    public var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension String {
    /// The text without its leading and trailing whitespace and newlines, as `trimmingCharacters(in:
    /// .whitespacesAndNewlines)` gives it; text that begins and ends with a visible ASCII character is returned as
    /// it is, without that method's copy through `NSString` (bulk writes trim every field of every row).
    public var trimmedOfWhitespace: String {
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
