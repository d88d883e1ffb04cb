import Foundation

/// A JSON value as parsed, keeping integers exact, so that in-toto v0.9 metadata can be re-encoded as the canonical
/// JSON its signatures are over.
enum JSONValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses JSON bytes, or `nil` when they are not JSON.
    static func parse(_ bytes: [UInt8]) -> JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)) }

    /// The member of an object, or `nil`.
    subscript(_ key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    /// The string, or `nil` for other values.
    var string: String? { if case .string(let text) = self { text } else { nil } }
    /// The integer, or `nil` for other values.
    var integer: Int64? { if case .integer(let value) = self { value } else { nil } }
    /// The elements of an array, or `nil` for other values.
    var array: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
    /// The members of an object, or `nil` for other values.
    var object: [String: JSONValue]? { if case .object(let members) = self { members } else { nil } }

    /// The canonical JSON of securesystemslib (`formats.encode_canonical`, after OLPC canonical JSON): object keys
    /// sorted by code point, no whitespace, strings with only `"` and `\` escaped, integers only; `nil` when the
    /// value holds a non-integer number, which canonical JSON cannot express.
    var canonical: [UInt8]? {
        var out: [UInt8] = []
        return write(into: &out) ? out : nil
    }

    private func write(into out: inout [UInt8]) -> Bool {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let value): out += Array((value ? "true" : "false").utf8)
        case .integer(let value): out += Array(String(value).utf8)
        case .number: return false
        case .string(let text): Self.quote(text, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                guard item.write(into: &out) else { return false }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
                .enumerated()
            {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.quote(key, into: &out)
                out.append(UInt8(ascii: ":"))
                guard members[key]?.write(into: &out) == true else { return false }
            }
            out.append(UInt8(ascii: "}"))
        }
        return true
    }

    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }
}
