import Foundation

/// Writes results to stdout and messages to stderr.
enum Output {
    /// Writes text to stdout as is: machine formats, and text that holds no stored or imported data.
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes bytes to stdout as they are (a piece of a manifest written piece by piece).
    static func write(bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// Writes one line to stdout, such as `Added vendor #1 ZTE`, with control characters and line breaks escaped.
    static func line(_ text: String) {
        write(TerminalText.line(text) + "\n")
    }

    /// Writes a human-readable document or several lines to stdout, with control characters escaped.
    static func text(_ text: String) {
        write(TerminalText.lines(text))
    }

    /// Writes lines to stderr, with control characters escaped.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.lines(text) + "\n").utf8))
    }

    /// Pretty, key-sorted JSON with a final newline.
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        write(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    }

    /// Writes `value` as JSON, or `table` as aligned columns or CSV.
    static func emit(_ value: some Encodable, format: OutputFormat, table: () -> TextTable) throws {
        switch format {
        case .json: try json(value)
        case .csv: write(table().csv())
        case .table: write(table().rendered(style: .standardOutput))
        }
    }

    /// Writes one record as `label: value` lines for people, or as JSON / one-row CSV for machines.
    static func emitRecord(_ value: some Encodable, format: OutputFormat, fields: [(String, String?)]) throws {
        switch format {
        case .json:
            try json(value)
        case .csv:
            var table = TextTable()
            table.columns = fields.map(\.0)
            table.rows = [fields.map { $0.1 ?? "" }]
            write(table.csv())
        case .table:
            let style = TerminalStyle.standardOutput
            let width = fields.map(\.0.count).max() ?? 0
            for (label, value) in fields where value != nil && value != "" {
                let lines = TerminalText.lines(value ?? "").split(separator: "\n", omittingEmptySubsequences: false)
                write(style.bold((label + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0)))
                write(" " + lines.joined(separator: "\n" + String(repeating: " ", count: width + 2)) + "\n")
            }
        }
    }
}

extension TextTable {
    init() { self.columns = [] }
}
