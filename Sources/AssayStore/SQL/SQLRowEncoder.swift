import Foundation

/// Turns a record's `Codable` form into its columns, as GRDB's record encoding did (see ``SQLRecord``).
enum SQLRowEncoder {
    /// The record's columns, in coding order.
    static func columns(of record: some Encodable) throws -> [(name: String, value: SQLValue)] {
        let encoder = RowEncoder()
        try record.encode(to: encoder)
        return encoder.storage.columns
    }

    /// A nested value's JSON text, with sorted keys (GRDB's `databaseJSONEncoder`).
    static func jsonText(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dataEncodingStrategy = .base64
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.nonConformingFloatEncodingStrategy = .throw
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// One column's value: its own column form, or the single value it encodes as, or else its JSON text.
    static func value(of value: some Encodable) throws -> SQLValue {
        if let convertible = value as? any SQLValueConvertible { return convertible.sqlValue }
        let probe = SingleValueProbe()
        do {
            try value.encode(to: probe)
            if let single = probe.value { return single }
        } catch is SingleValueProbe.NotSingle {}
        return .text(try jsonText(value))
    }

    final class Storage {
        var columns: [(name: String, value: SQLValue)] = []
    }

    private final class RowEncoder: Encoder {
        let storage = Storage()
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(ColumnContainer<Key>(storage: storage))
        }

        // A record is a set of columns: anything else fails at its first value.
        func unkeyedContainer() -> any UnkeyedEncodingContainer { RefusingList() }
        func singleValueContainer() -> any SingleValueEncodingContainer { RefusingValue() }
    }

    private struct ColumnContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let storage: Storage
        var codingPath: [any CodingKey] { [] }

        func set(_ key: Key, _ value: SQLValue) {
            if let index = storage.columns.firstIndex(where: { $0.name == key.stringValue }) {
                storage.columns[index].value = value
            } else {
                storage.columns.append((key.stringValue, value))
            }
        }

        mutating func encodeNil(forKey key: Key) throws { set(key, .null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            set(key, try SQLRowEncoder.value(of: value))
        }
        // A nil optional is a NULL column, not a missing one: an update writes every column.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { set(key, .null) }
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, key) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOptional(value, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, key) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOptional(value, key) }

        private mutating func encodeOptional<T: Encodable>(_ value: T?, _ key: Key) throws {
            if let value { try encode(value, forKey: key) } else { set(key, .null) }
        }

        // Nested values are written whole, as JSON, through encode(_:forKey:); hand-built nesting is refused.
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> { KeyedEncodingContainer(Refusing<NestedKey>()) }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { RefusingList() }
        mutating func superEncoder() -> any Encoder { SingleValueProbe() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { SingleValueProbe() }
    }

    /// Finds out whether a value encodes as one primitive (a raw-value enum, a wrapper), and which.
    private final class SingleValueProbe: Encoder, SingleValueEncodingContainer {
        struct NotSingle: Error, CustomStringConvertible {
            var description: String { "a record's value is not one column or a whole nested value" }
        }
        var value: SQLValue?
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Refusing<Key>())
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer { RefusingList() }
        func singleValueContainer() -> any SingleValueEncodingContainer { self }

        func encodeNil() throws { value = .null }
        func encode<T: Encodable>(_ value: T) throws { self.value = try SQLRowEncoder.value(of: value) }
        func encode(_ value: Bool) throws { self.value = value.sqlValue }
        func encode(_ value: String) throws { self.value = value.sqlValue }
        func encode(_ value: Double) throws { self.value = value.sqlValue }
        func encode(_ value: Int) throws { self.value = value.sqlValue }
        func encode(_ value: Int64) throws { self.value = value.sqlValue }
    }

    /// Stands in for a keyed container and fails the probe at its first use.
    private struct Refusing<Key: CodingKey>: KeyedEncodingContainerProtocol {
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws { throw SingleValueProbe.NotSingle() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw SingleValueProbe.NotSingle() }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> { KeyedEncodingContainer(Refusing<NestedKey>()) }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { RefusingList() }
        mutating func superEncoder() -> any Encoder { SingleValueProbe() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { SingleValueProbe() }
    }

    /// Stands in for a single-value container and fails at its first use.
    private struct RefusingValue: SingleValueEncodingContainer {
        var codingPath: [any CodingKey] { [] }
        mutating func encodeNil() throws { throw SingleValueProbe.NotSingle() }
        mutating func encode<T: Encodable>(_ value: T) throws { throw SingleValueProbe.NotSingle() }
    }

    /// Stands in for a list container and fails the probe at its first use.
    private struct RefusingList: UnkeyedEncodingContainer {
        var codingPath: [any CodingKey] { [] }
        var count: Int { 0 }
        mutating func encodeNil() throws { throw SingleValueProbe.NotSingle() }
        mutating func encode<T: Encodable>(_ value: T) throws { throw SingleValueProbe.NotSingle() }
        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> { KeyedEncodingContainer(Refusing<NestedKey>()) }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { RefusingList() }
        mutating func superEncoder() -> any Encoder { SingleValueProbe() }
    }
}
