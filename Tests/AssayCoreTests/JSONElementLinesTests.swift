import AssayCore
import Testing

@Suite struct JSONElementLinesTests {
    @Test func findsTheLineOfEachJSONArrayElement() {
        let text = "[\n  {\"a\": \"[{,\\\"\"},\n  {\n    \"b\": [1, 2]\n  }, 3\n]\n"
        #expect(JSONElementLines.lines(in: text) == [2, 3, 5])
        #expect(JSONElementLines.lines(in: "{}") == nil)
        #expect(JSONElementLines.lines(in: "[]") == [])
    }
}
