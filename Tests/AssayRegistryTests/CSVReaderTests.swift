import AssayCore
import AssayRegistry
import Testing

struct CSVReaderTests {
    private func records(_ text: String) throws -> [(line: Int, fields: [String])] {
        var reader = CSVReader(bytes: Array(text.utf8), file: "t.csv")
        var result: [(Int, [String])] = []
        while let record = try reader.next() {
            result.append((record.line, (0..<record.count).map { String(decoding: record[$0], as: UTF8.self) }))
        }
        return result
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let rows = try records("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nlast,,\n")
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\r\nlines"], ["last", "", ""]])
        #expect(rows.map(\.line) == [1, 2, 4])
    }

    @Test func blankLinesAreSkippedAndMissingFinalNewlineIsFine() throws {
        let rows = try records("a\n\n\nb")
        #expect(rows.map(\.fields) == [["a"], ["b"]])
        #expect(rows.map(\.line) == [1, 4])
    }

    @Test func unterminatedQuoteNamesItsLine() {
        #expect(
            throws: RegistryError.malformedCSV(file: "t.csv", at: .line(2), reason: "a quoted field is never closed")
        ) {
            try records("a,b\n\"open,b\nmore\n")
        }
    }

    @Test func recordsAcrossReadChunksFromAFile() throws {
        let path = FileManagerTemp.file("many.csv")
        var text = "id,text\n"
        for index in 0..<5000 { text += "\(index),\"row \(index), with \"\"quotes\"\" and a comma\"\n" }
        try FileManagerTemp.write(text, to: path)
        var reader = try CSVReader(path: path)
        var count = 0
        while let record = try reader.next() {
            if count > 0 {
                #expect(String(decoding: record[1], as: UTF8.self) == "row \(count - 1), with \"quotes\" and a comma")
            }
            count += 1
        }
        #expect(count == 5001)
    }

    @Test func lineCountCountsLineEndsAsRecordsDo() throws {
        let cases: [(String, Int)] = [
            ("", 0), ("a", 1), ("a\n", 1), ("a\r\nb\r\n", 2), ("a\rb\rc", 3), ("a\n\r\nb\n\n", 4),
            ("a,\"two\r\nlines\"\r\nlast", 3),
        ]
        for (index, (text, lines)) in cases.enumerated() {
            let path = FileManagerTemp.file("lines-\(index).csv")
            try FileManagerTemp.write(text, to: path)
            #expect(try CSVReader.lineCount(path: path) == lines, "\(text.debugDescription)")
        }
        // Across 64 KiB reads: lines of 43,691 bytes put the third line's CR last in the second read and its LF
        // first in the third (3 × 43,691 = 131,073 = 2 × 65,536 + 1).
        let path = FileManagerTemp.file("lines-long.csv")
        let line = String(repeating: "x", count: 43_689) + "\r\n"
        try FileManagerTemp.write(String(repeating: line, count: 5), to: path)
        #expect(try CSVReader.lineCount(path: path) == 5)
        #expect(throws: RegistryError.self) { try CSVReader.lineCount(path: FileManagerTemp.file("absent.csv")) }
    }

    @Test func writerQuotesWhatNeedsIt() throws {
        let line = CSVWriter.line(["plain", "a,b", "say \"x\"", "two\nlines"])
        #expect(line == "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\"\r\n")
        #expect(try records(line).first?.fields == ["plain", "a,b", "say \"x\"", "two\nlines"])
    }
}
