/// The `Encoder` behind ``SortedJSONEncoder``: it records one value's node; its containers fill objects and arrays
/// in place. The coding path is kept as a link to the parent, built only when asked for.
final class SortedJSONValueEncoder: Encoder {
    private let parent: SortedJSONValueEncoder?
    private let key: (any CodingKey)?
    var node: SortedJSONNode?

    init(parent: SortedJSONValueEncoder?, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path = parent?.codingPath ?? []
        if let key { path.append(key) }
        return path
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let object) = node { return KeyedEncodingContainer(SortedJSONKeyed(object, self)) }
        let object = SortedJSONObject()
        node = .object(object)
        return KeyedEncodingContainer(SortedJSONKeyed(object, self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let array) = node { return SortedJSONUnkeyed(array, self) }
        let array = SortedJSONArray()
        node = .array(array)
        return SortedJSONUnkeyed(array, self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SortedJSONSingle(encoder: self) }
}

/// An object's container.
private struct SortedJSONKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: SortedJSONObject
    let encoder: SortedJSONValueEncoder

    init(_ object: SortedJSONObject, _ encoder: SortedJSONValueEncoder) {
        self.object = object
        self.encoder = encoder
    }

    var codingPath: [any CodingKey] { encoder.codingPath }

    private func add(_ node: SortedJSONNode, _ key: Key) {
        object.keys.append(key.stringValue)
        object.values.append(node)
    }

    mutating func encodeNil(forKey key: Key) throws { add(.literal("null"), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(.literal(value ? "true" : "false"), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(.string(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(.literal(String(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(.literal(String(value)), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        add(try SortedJSONNode.make(value, parent: encoder, key: key), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = SortedJSONValueEncoder(parent: encoder, key: key)
        let container = nested.container(keyedBy: keyType)
        if let node = nested.node { add(node, key) }
        return container
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = SortedJSONValueEncoder(parent: encoder, key: key)
        let container = nested.unkeyedContainer()
        if let node = nested.node { add(node, key) }
        return container
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let nested = SortedJSONValueEncoder(parent: encoder, key: key)
        add(.deferred(nested), key)
        return nested
    }
}

/// An array's container.
private struct SortedJSONUnkeyed: UnkeyedEncodingContainer {
    let array: SortedJSONArray
    let encoder: SortedJSONValueEncoder

    init(_ array: SortedJSONArray, _ encoder: SortedJSONValueEncoder) {
        self.array = array
        self.encoder = encoder
    }

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { array.values.count }

    private var nextKey: any CodingKey { SortedJSONIndexKey(index: array.values.count) }

    mutating func encodeNil() throws { array.values.append(.literal("null")) }
    mutating func encode(_ value: Bool) throws { array.values.append(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { array.values.append(.string(value)) }
    mutating func encode(_ value: Int) throws { array.values.append(.literal(String(value))) }
    mutating func encode(_ value: Int64) throws { array.values.append(.literal(String(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        array.values.append(try SortedJSONNode.make(value, parent: encoder, key: nextKey))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let nested = SortedJSONValueEncoder(parent: encoder, key: nextKey)
        let container = nested.container(keyedBy: keyType)
        if let node = nested.node { array.values.append(node) }
        return container
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = SortedJSONValueEncoder(parent: encoder, key: nextKey)
        let container = nested.unkeyedContainer()
        if let node = nested.node { array.values.append(node) }
        return container
    }

    mutating func superEncoder() -> any Encoder {
        let nested = SortedJSONValueEncoder(parent: encoder, key: nextKey)
        array.values.append(.deferred(nested))
        return nested
    }
}

/// A single value's container: it sets its encoder's node.
private struct SortedJSONSingle: SingleValueEncodingContainer {
    let encoder: SortedJSONValueEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node = .literal("null") }
    mutating func encode(_ value: Bool) throws { encoder.node = .literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoder.node = .string(value) }
    mutating func encode(_ value: Int) throws { encoder.node = .literal(String(value)) }
    mutating func encode(_ value: Int64) throws { encoder.node = .literal(String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.node = try SortedJSONNode.make(value, parent: encoder, key: nil)
    }
}

/// The coding key of an array element.
private struct SortedJSONIndexKey: CodingKey {
    let index: Int
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }
    init(index: Int) { self.index = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.index = intValue }
}
