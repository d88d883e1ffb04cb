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

    @Test func writerQuotesWhatNeedsIt() throws {
        let line = CSVWriter.line(["plain", "a,b", "say \"x\"", "two\nlines"])
        #expect(line == "plain,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\"\r\n")
        #expect(try records(line).first?.fields == ["plain", "a,b", "say \"x\"", "two\nlines"])
    }
}
