import AssayCore
import Foundation
import Testing

@Suite struct PlainTextTests {
    @Test(arguments: ["ZTE", "Huawei Technologies Co., Ltd.", "中兴通讯", "café", "Ölwerk AG", "עברית"])
    func namesInAnyScriptArePlainText(name: String) throws {
        try PlainText.check(name, field: "vendor name")
    }

    /// Escape sequences (terminal title, clear screen), the C1 CSI, line breaks, tab and the bidirectional
    /// overrides that reorder what a reader sees.
    @Test(arguments: [
        ("Evil\u{1B}]0;owned\u{07}\u{1B}[2J", "U+001B"), ("Evil\u{9B}2J", "U+009B"), ("two\nlines", "U+000A"),
        ("tab\there", "U+0009"), ("cr\r", "U+000D"), ("del\u{7F}", "U+007F"), ("abc\u{202E}fed", "U+202E"),
        ("\u{2066}isolate", "U+2066"), ("mark\u{200F}", "U+200F"), ("line\u{2028}sep", "U+2028"),
    ])
    func controlCharactersAreRefusedByCodePoint(text: String, codePoint: String) {
        #expect(throws: ValueError.controlCharacter(field: "alias", character: codePoint)) {
            try PlainText.check(text, field: "alias")
        }
    }

    @Test func theErrorNamesTheFieldAndNotTheText() {
        let error = ValueError.controlCharacter(field: "vendor name", character: "U+001B")
        #expect(error.code == "value.control-character")
        #expect(
            error.description
                == "vendor name contains the control character U+001B: names and identifiers must be plain text "
                + "(no control characters, line breaks or bidirectional overrides)")
    }
}

@Suite struct TrimmedOfWhitespaceTests {
    @Test(arguments: ["", " ", "ZTE", "  ZTE Corp.  ", "\tnotes\n", "中兴", " 中兴 ", "a\u{00A0}", "\u{2003}b", "x\r\n", "é"])
    func trimsAsFoundationDoes(text: String) {
        #expect(text.trimmedOfWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
