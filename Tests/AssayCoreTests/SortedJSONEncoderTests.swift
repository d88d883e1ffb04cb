import AssayCore
import Foundation
import Testing

/// `SortedJSONEncoder` must write exactly what `JSONEncoder` writes with `.sortedKeys` and `.withoutEscapingSlashes`
/// (the audit log hashes that text, and reports are compared with golden files).
@Suite struct SortedJSONEncoderTests {
    struct Reference: Codable {
        var id: Int64
        var name: String
        var link: String?
    }

    struct Sample: Codable {
        var validUntil = 1
        var validity = "quote \" backslash \\ slash / tab \t line\nfeed \r \u{08}\u{0C}\u{01}\u{1F} del \u{7F} é 中 \u{2028}"
        var ratio = 2.5
        var big = 1e20
        var small: Float = 0.1
        var negative: Int8 = -3
        var unsigned: UInt64 = .max
        var flag = true
        var absent: String? = nil
        var references = [Reference(id: 3, name: "Vendor 3", link: nil), Reference(id: 4, name: "", link: "subsidiary")]
        var empty: [String] = []
        var emptyObject: [String: Int] = [:]
        var byName = ["é": 1, "e": 2, "Z": 3, "a10": 4, "a9": 5, "aB": 6, "a_b": 7]
        var byNumber = [10: "ten", 2: "two"]
        var nested = [[1, 2], [], [3]]
        var bytes = Data([0, 1, 254, 255])
        var url = URL(string: "https://example.org/a?b=c")!
        var date = Date(timeIntervalSinceReferenceDate: 12345.5)
        var decimal = Decimal(string: "12.50")!
        var optionals: [Int?] = [1, nil, 3]
    }

    /// Encodes with a nested keyed container, a nested unkeyed one, a super encoder and a key written twice.
    struct Manual: Encodable {
        enum Keys: String, CodingKey { case zeta, alpha, list, parent, twice }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .zeta)
            try inner.encode("z", forKey: .alpha)
            try inner.encodeNil(forKey: .zeta)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(true)
            var row = list.nestedContainer(keyedBy: Keys.self)
            try row.encode(1, forKey: .alpha)
            try list.encodeNil()
            try Reference(id: 1, name: "p", link: nil).encode(to: container.superEncoder(forKey: .parent))
            try container.encode("first", forKey: .twice)
            try container.encode("second", forKey: .twice)
        }
    }

    static func foundation(_ value: some Encodable, pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { encoder.outputFormatting.insert(.prettyPrinted) }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test(arguments: [false, true])
    func writesWhatJSONEncoderWrites(pretty: Bool) throws {
        let encoder = SortedJSONEncoder(pretty: pretty)
        #expect(try encoder.encode(Sample()) == Self.foundation(Sample(), pretty: pretty))
        #expect(try encoder.encode(Manual()) == Self.foundation(Manual(), pretty: pretty))
        #expect(try encoder.encode([Sample(), Sample()]) == Self.foundation([Sample(), Sample()], pretty: pretty))
        #expect(try encoder.encode("top / level") == Self.foundation("top / level", pretty: pretty))
        #expect(try encoder.encode([String: [Int]]()) == Self.foundation([String: [Int]](), pretty: pretty))
    }

    @Test func canonicalJSONKeepsItsText() throws {
        let change: [String: Reference?] = ["before": nil, "after": Reference(id: 7, name: "a/b \"c\"", link: nil)]
        let text = try CanonicalJSON.encode(change)
        #expect(text == #"{"after":{"id":7,"name":"a/b \"c\""},"before":null}"#)
    }
}
