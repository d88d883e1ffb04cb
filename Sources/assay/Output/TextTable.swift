import AssayCore

/// Rows of text cells under a header, rendered as aligned columns or as CSV.
struct TextTable {
    var columns: [String]
    var rows: [[String]] = []

    init(_ columns: String...) {
        self.columns = columns
    }

    mutating func add(_ cells: String?...) {
        rows.append(cells.map { $0 ?? "" })
    }

    /// Aligned columns, header emphasised on a colour terminal; a line per row, whatever the cells hold (control
    /// characters and line breaks are escaped).
    func rendered(style: TerminalStyle) -> String {
        let columns = columns.map(TerminalText.line)
        let rows = rows.map { $0.map(TerminalText.line) }
        let widths = columns.indices.map { index in
            rows.reduce(columns[index].count) { max($0, $1[index].count) }
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).enumerated().map { offset, pair in
                offset == cells.count - 1 ? pair.0 : pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var out = style.bold(line(columns)) + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }

    /// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled; CRLF line ends.
    func csv() -> String { ([columns] + rows).map(CSVWriter.line).joined() }
}
