import AssayCore

/// Text from the records or from files, made safe to print: control characters (which can retitle a terminal,
/// clear it or move the cursor), line breaks and bidirectional overrides (which reorder what is seen) are shown as
/// escapes such as `\e`, `\n` or `\u{202E}`. Databases written before names were checked, imported registry
/// files and free-text notes can all hold them.
enum TerminalText {
    /// One line: every control character escaped, line breaks too.
    static func line(_ text: String) -> String { escaped(text, keepingLineBreaks: false) }

    /// Several lines: every control character escaped except the line feeds that end or separate lines.
    static func lines(_ text: String) -> String { escaped(text, keepingLineBreaks: true) }

    private static func escaped(_ text: String, keepingLineBreaks: Bool) -> String {
        guard text.unicodeScalars.contains(where: \.isTextControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if !scalar.isTextControl || (keepingLineBreaks && scalar == "\n") {
                out.unicodeScalars.append(scalar)
            } else {
                out += escape(scalar)
            }
        }
        return out
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case "\u{1B}": "\\e"
        default: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        }
    }
}
