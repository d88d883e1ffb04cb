import Foundation

/// Encodes a value to exactly the bytes Foundation's `JSONEncoder` writes with `.sortedKeys` and
/// `.withoutEscapingSlashes` (and `.prettyPrinted` when asked), without its per-value dictionaries, dynamic casts
/// and second pass over a tree of enums: the audit log encodes every inserted row's change with it, and audit
/// reports their findings.
///
/// Keys are sorted by their UTF-8 bytes, strings escaped as `JSONEncoder` escapes them. Values whose text
/// `JSONEncoder` decides by itself (floating-point numbers, `Decimal`, `Data`, `URL`) are written by
/// `JSONEncoder`, so that every value's text is the same. A test compares the two encoders over the store's values.
public struct SortedJSONEncoder: Sendable {
    /// Two-space indentation and ` : ` between keys and values, as `.prettyPrinted`.
    public var pretty: Bool

    /// An encoder, compact unless `pretty`.
    public init(pretty: Bool = false) {
        self.pretty = pretty
    }

    /// The JSON text of `value`.
    public func encode(_ value: some Encodable) throws -> String {
        var bytes: [UInt8] = []
        try encode(value, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the JSON text of `value` to `bytes`; when pretty, as if nested `level` containers deep (its inner
    /// lines indented by as much), for writing a large document's members one by one.
    public func encode(_ value: some Encodable, into bytes: inout [UInt8], level: Int = 0) throws {
        let node = try SortedJSONNode.make(value, parent: nil, key: nil)
        var writer = SortedJSONWriter(pretty: pretty, indent: level)
        swap(&writer.bytes, &bytes)
        writer.write(node)
        swap(&writer.bytes, &bytes)
    }
}

/// One encoded value: a scalar's text, or a container filled by the value's `encode(to:)`.
enum SortedJSONNode {
    /// A string, escaped when written.
    case string(String)
    /// A number, `true`, `false`, `null`, or text `JSONEncoder` wrote.
    case literal(String)
    case object(SortedJSONObject)
    case array(SortedJSONArray)
    /// A `superEncoder`'s value, known once its user is done.
    case deferred(SortedJSONValueEncoder)

    /// The node of any value, writing the types `JSONEncoder` treats specially the way it does.
    static func make(_ value: some Encodable, parent: SortedJSONValueEncoder?, key: (any CodingKey)?) throws -> Self {
        switch value {
        case let text as String: return .string(text)
        case let flag as Bool: return .literal(flag ? "true" : "false")
        case let number as Int: return .literal(String(number))
        case let number as Int64: return .literal(String(number))
        case let number as any BinaryInteger: return .literal(String(describing: number))
        case is Double, is Float, is Decimal, is Data, is URL: return .literal(try foundationText(value))
        default:
            let encoder = SortedJSONValueEncoder(parent: parent, key: key)
            try value.encode(to: encoder)
            return encoder.node ?? .object(SortedJSONObject())
        }
    }

    /// `JSONEncoder`'s text of one value, for the few types whose text it decides.
    static func foundationText(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// An object's members in the order they were encoded; sorted when written, the last of equal keys winning.
final class SortedJSONObject {
    var keys: [String] = []
    var values: [SortedJSONNode] = []
}

/// An array's elements.
final class SortedJSONArray {
    var values: [SortedJSONNode] = []
}

/// Writes nodes as `JSONEncoder`'s writer does.
struct SortedJSONWriter {
    let pretty: Bool
    var bytes: [UInt8] = []
    private var indent: Int

    init(pretty: Bool, indent: Int = 0) {
        self.pretty = pretty
        self.indent = indent
    }

    mutating func write(_ node: SortedJSONNode) {
        switch node {
        case .string(let text): writeString(text)
        case .literal(let text): bytes.append(contentsOf: text.utf8)
        case .deferred(let encoder): write(encoder.node ?? .object(SortedJSONObject()))
        case .array(let array):
            bytes.append(UInt8(ascii: "["))
            open()
            for (index, element) in array.values.enumerated() {
                if index > 0 { separate() }
                if pretty { writeIndent() }
                write(element)
            }
            close(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            open()
            let order = Self.sortedMembers(object.keys)
            if pretty, !order.isEmpty { writeIndent() }
            for (position, index) in order.enumerated() {
                if position > 0 {
                    separate()
                    if pretty { writeIndent() }
                }
                writeString(object.keys[index])
                if pretty { bytes.append(contentsOf: " : ".utf8) } else { bytes.append(UInt8(ascii: ":")) }
                write(object.values[index])
            }
            close(UInt8(ascii: "}"))
        }
    }

    /// Member indices by key bytes; of several members with one key, only the last encoded.
    static func sortedMembers(_ keys: [String]) -> [Int] {
        // Insertion sort (objects are small) on the keys' first eight bytes, the whole keys only where those tie.
        let prefixes = keys.map { key in
            key.utf8.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (56 - 8 * $1.offset) }
        }
        func precedes(_ a: Int, _ b: Int) -> Bool {
            prefixes[a] != prefixes[b] ? prefixes[a] < prefixes[b] : keys[a].utf8.lexicographicallyPrecedes(keys[b].utf8)
        }
        var order = Array(keys.indices)
        for position in order.indices.dropFirst() {
            let index = order[position]
            var slot = position
            while slot > 0, precedes(index, order[slot - 1]) {
                order[slot] = order[slot - 1]
                slot -= 1
            }
            order[slot] = index
        }
        var kept: [Int] = []
        kept.reserveCapacity(order.count)
        for index in order {
            if let last = kept.last, keys[last] == keys[index] { kept[kept.count - 1] = index } else { kept.append(index) }
        }
        return kept
    }

    private mutating func open() {
        guard pretty else { return }
        bytes.append(0x0A)
        indent += 1
    }

    private mutating func separate() {
        bytes.append(UInt8(ascii: ","))
        if pretty { bytes.append(0x0A) }
    }

    private mutating func close(_ bracket: UInt8) {
        if pretty {
            bytes.append(0x0A)
            indent -= 1
            writeIndent()
        }
        bytes.append(bracket)
    }

    private mutating func writeIndent() {
        for _ in 0..<indent { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    /// A quoted string, escaped as `JSONEncoder` escapes (`/` left alone).
    mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var plain = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
                escape(byte)
                plain = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? 0x30 + digit : 0x57 + digit }
        switch byte {
        case 0x22, 0x5C: bytes.append(contentsOf: [0x5C, byte])
        case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x00..<0x20: bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex(byte >> 4), hex(byte & 15)])
        default: bytes.append(byte)
        }
    }
}
