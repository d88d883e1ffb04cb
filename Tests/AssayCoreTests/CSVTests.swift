import AssayCore
import Testing

@Suite struct CSVTests {
    @Test func readsQuotedFieldsAndLineNumbers() throws {
        let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"two\nlines\",z\n3,,\n"
        let records = try #require(CSV.records(in: text))
        #expect(records.map(\.line) == [1, 2, 4, 6])
        #expect(records[1].fields == ["1", "x, y", "say \"hi\""])
        #expect(records[2].fields == ["2", "two\nlines", "z"])
        #expect(records[3].fields == ["3", "", ""])
    }

    @Test func refusesAnUnclosedQuote() {
        #expect(CSV.records(in: "a,\"b\n") == nil)
    }

    @Test func writesWhatItReads() throws {
        let rows = [["vendor", "notes"], ["Huawei Technologies Co., Ltd.", "said \"not interested\"\nlater"]]
        #expect(try #require(CSV.records(in: CSV.text(rows))).map(\.fields) == rows)
    }

    @Test func findsTheLineOfEachJSONArrayElement() {
        let text = "[\n  {\"a\": \"[{,\\\"\"},\n  {\n    \"b\": [1, 2]\n  }, 3\n]\n"
        #expect(JSONElementLines.lines(in: text) == [2, 3, 5])
        #expect(JSONElementLines.lines(in: "{}") == nil)
        #expect(JSONElementLines.lines(in: "[]") == [])
    }
}
