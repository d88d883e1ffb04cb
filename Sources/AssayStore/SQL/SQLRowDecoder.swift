import Foundation

/// Reads a record from a row through its `Decodable` form, as GRDB's record decoding did (see ``SQLRecord``).
enum SQLRowDecoder {
    /// The row as a `T`; an error names the column that does not fit.
    static func decode<T: Decodable>(_ type: T.Type, from row: SQLRow) throws -> T {
        if let convertible = T.self as? any SQLValueConvertible.Type, row.values.count == 1 {
            return try cast(value(convertible, row.values[0], column: row.columns.names[0]))
        }
        return try T(from: RowDecoder(row: row))
    }

    /// `value` as the `T` it is known to be.
    private static func cast<T>(_ value: Any) throws -> T {
        guard let typed = value as? T else { throw StoreError.database("a column value is not a \(T.self)") }
        return typed
    }

    private static func value<V: SQLValueConvertible>(
        _ type: V.Type, _ value: SQLValue, column: String
    ) throws -> V {
        guard let converted = V(sqlValue: value) else {
            throw StoreError.database("column '\(column)' holds \(value.kind), not a \(V.self)")
        }
        return converted
    }

    /// One column's value as `T`: by its column form, as the single value it decodes from, or from JSON text.
    static func decode<T: Decodable>(_ type: T.Type, _ value: SQLValue, column: String) throws -> T {
        if let convertible = T.self as? any SQLValueConvertible.Type {
            return try cast(Self.value(convertible, value, column: column))
        }
        do {
            return try T(from: ValueDecoder(value: value, column: column))
        } catch is ValueDecoder.NeedsJSON {
            guard let text = String(sqlValue: value) else {
                throw StoreError.database("column '\(column)' holds \(value.kind), not JSON")
            }
            let decoder = JSONDecoder()
            decoder.dataDecodingStrategy = .base64
            decoder.dateDecodingStrategy = .millisecondsSince1970
            do {
                return try decoder.decode(T.self, from: Data(text.utf8))
            } catch {
                throw StoreError.database("column '\(column)' does not hold a \(T.self): \(error)")
            }
        }
    }

    private struct RowDecoder: Decoder {
        let row: SQLRow
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(Columns<Key>(row: row))
        }
        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            throw StoreError.database("a row is read as columns, not a list")
        }
        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            throw StoreError.database("a row is read as columns, not a single value")
        }
    }

    private struct Columns<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let row: SQLRow
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { row.columns.names.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { row.has(key.stringValue) }

        func decodeNil(forKey key: Key) throws -> Bool { (row.sqlValue(key.stringValue) ?? .null).isNull }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            guard let value = row.sqlValue(key.stringValue) else {
                throw StoreError.database("no column '\(key.stringValue)' in the row")
            }
            return try SQLRowDecoder.decode(T.self, value, column: key.stringValue)
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let value = row.sqlValue(key.stringValue), !value.isNull else { return nil }
            return try SQLRowDecoder.decode(T.self, value, column: key.stringValue)
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            throw StoreError.database("column '\(key.stringValue)' is read whole, not as nested columns")
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw StoreError.database("column '\(key.stringValue)' is read whole, not as a list")
        }
        func superDecoder() throws -> any Decoder { RowDecoder(row: row) }
        func superDecoder(forKey key: Key) throws -> any Decoder { RowDecoder(row: row) }
    }

    /// Decodes a value from one column; asks for JSON when the value wants a keyed or list container.
    private struct ValueDecoder: Decoder, SingleValueDecodingContainer {
        struct NeedsJSON: Error {}
        let value: SQLValue
        let column: String
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            throw NeedsJSON()
        }
        func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw NeedsJSON() }
        func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

        func decodeNil() -> Bool { value.isNull }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try SQLRowDecoder.decode(T.self, value, column: column)
        }
    }
}
