import Foundation

/// Typed access to one JSON object of a provenance file, naming the field's path in every error.
///
/// Protobuf JSON (Sigstore bundles) writes 64-bit integers as strings, so ``integer(_:)`` accepts both forms.
struct JSONFields {
    let object: [String: Any]
    /// The file, named in errors.
    let place: String
    /// The path of this object inside the file (`verificationMaterial.tlogEntries[0]`), empty at the top.
    let path: String

    init(_ object: [String: Any], place: String, path: String = "") {
        self.object = object
        self.place = place
        self.path = path
    }

    /// Parses a JSON object from bytes.
    init(parsing bytes: [UInt8], place: String) throws(ProvenanceError) {
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(bytes)), let object = parsed as? [String: Any]
        else { throw .malformed(place: place, field: "(document)", reason: "not a JSON object") }
        self.init(object, place: place)
    }

    /// The full path of `key`.
    func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func malformed(_ key: String, _ reason: String) -> ProvenanceError {
        .malformed(place: place, field: field(key), reason: reason)
    }

    func has(_ key: String) -> Bool { object[key] != nil && !(object[key] is NSNull) }

    func optionalString(_ key: String) throws(ProvenanceError) -> String? {
        guard has(key) else { return nil }
        guard let value = object[key] as? String else { throw malformed(key, "not a string") }
        return value
    }

    func string(_ key: String) throws(ProvenanceError) -> String {
        guard let value = try optionalString(key) else { throw malformed(key, "missing") }
        return value
    }

    func optionalObject(_ key: String) throws(ProvenanceError) -> JSONFields? {
        guard has(key) else { return nil }
        guard let value = object[key] as? [String: Any] else { throw malformed(key, "not an object") }
        return JSONFields(value, place: place, path: field(key))
    }

    func object(_ key: String) throws(ProvenanceError) -> JSONFields {
        guard let value = try optionalObject(key) else { throw malformed(key, "missing") }
        return value
    }

    /// The objects of an array field; a missing field is an empty array.
    func objects(_ key: String) throws(ProvenanceError) -> [JSONFields] {
        guard has(key) else { return [] }
        guard let list = object[key] as? [Any] else { throw malformed(key, "not an array") }
        var result: [JSONFields] = []
        for (index, element) in list.enumerated() {
            guard let value = element as? [String: Any] else { throw malformed("\(key)[\(index)]", "not an object") }
            result.append(JSONFields(value, place: place, path: field("\(key)[\(index)]")))
        }
        return result
    }

    /// Each object of an array field read by `transform`; `nil` results are left out.
    func objects<T>(_ key: String, _ transform: (JSONFields) throws(ProvenanceError) -> T?) throws(ProvenanceError)
        -> [T]
    {
        var result: [T] = []
        for element in try objects(key) {
            if let value = try transform(element) { result.append(value) }
        }
        return result
    }

    /// The strings of an array field; a missing field is an empty array.
    func strings(_ key: String) throws(ProvenanceError) -> [String] {
        guard has(key) else { return [] }
        guard let list = object[key] as? [String] else { throw malformed(key, "not an array of strings") }
        return list
    }

    /// Base64 bytes (standard or URL-safe alphabet).
    func bytes(_ key: String) throws(ProvenanceError) -> [UInt8] {
        guard let bytes = Base64Text.decode(try string(key)) else { throw malformed(key, "not base64") }
        return bytes
    }

    func optionalBytes(_ key: String) throws(ProvenanceError) -> [UInt8]? {
        guard has(key) else { return nil }
        return try bytes(key)
    }

    /// An integer written as a JSON number or a decimal string; `nil` when absent.
    func optionalInteger(_ key: String) throws(ProvenanceError) -> Int64? {
        guard has(key) else { return nil }
        if let text = object[key] as? String, let value = Int64(text) { return value }
        if let value = object[key] as? Int { return Int64(value) }
        throw malformed(key, "not an integer")
    }

    func integer(_ key: String) throws(ProvenanceError) -> Int64 {
        guard let value = try optionalInteger(key) else { throw malformed(key, "missing") }
        return value
    }

    /// A digest map (`{"sha256": "…"}`) as lowercase strings.
    func digests(_ key: String) throws(ProvenanceError) -> [String: String] {
        guard has(key) else { return [:] }
        guard let map = object[key] as? [String: String] else { throw malformed(key, "not a map of strings") }
        return map
    }
}
