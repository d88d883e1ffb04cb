import AssayCrypto
import Foundation

/// Reads an Assay JSON manifest file as it streams, each entry straight into an ``EntryList``: a manifest of
/// millions of entries costs its entries' compact size, not the file's size several times over.
///
/// Only the fields around the entries go through `JSONDecoder` (a document with an empty `entries` array). Anything
/// unexpected, from a malformed string to a failed check, gives `nil`, and the caller reads the file with
/// ``JSONManifestCodec/decode(_:file:)``, whose errors name the field; so both paths accept exactly the same files.
enum JSONManifestReader {
    static func read(path: String) -> Manifest? {
        guard let reader = JSONByteReader(path: path), reader.take(UInt8(ascii: "{")) else { return nil }
        var fields: [String: [UInt8]] = [:]
        var parsed: EntryList?
        var first = true
        while !reader.take(UInt8(ascii: "}")) {
            guard first || reader.take(UInt8(ascii: ",")), let key = reader.string().map({ String(decoding: $0, as: UTF8.self) }),
                reader.take(UInt8(ascii: ":")), fields[key] == nil
            else { return nil }
            first = false
            if key == "entries" {
                guard parsed == nil, let algorithm = fields["algorithm"].flatMap(Self.algorithm),
                    let list = Self.entries(reader, algorithm: algorithm)
                else { return nil }
                parsed = list
                fields[key] = Array("[]".utf8)
            } else {
                var raw: [UInt8] = []
                guard reader.skipValue(into: &raw) else { return nil }
                fields[key] = raw
            }
        }
        // Taken out of the optional, so that sorting it in place copies nothing.
        guard reader.atEnd, var entries = parsed.take() else { return nil }
        let frame = "{" + fields.map { "\"\($0.key)\":" + String(decoding: $0.value, as: UTF8.self) }.joined(separator: ",") + "}"
        guard let document = try? JSONDecoder().decode(ManifestDocument.self, from: Data(frame.utf8)),
            document.formatVersion == Manifest.formatVersion,
            let algorithm = DigestAlgorithm(rawValue: document.algorithm), !algorithm.isLegacy
        else { return nil }
        entries.sortByPath()
        guard entries.isStrictlySorted else { return nil }
        let prefix: EntryPath?
        if let text = document.strippedPrefix {
            guard let path = PathText(text: text, hex: document.strippedPrefixHex).path else { return nil }
            prefix = path
        } else {
            prefix = nil
        }
        guard
            let manifest = try? Manifest(
                algorithm: algorithm, coverage: document.coverage, source: document.source, sorted: entries,
                findings: document.findings, strippedPrefix: prefix, toolVersion: document.toolVersion),
            manifest.totals == document.totals, manifest.bundleDigest?.hex == document.bundleDigest
        else { return nil }
        return manifest
    }

    /// The algorithm named by a raw JSON string value.
    private static func algorithm(_ raw: [UInt8]) -> DigestAlgorithm? {
        guard raw.count >= 2, raw.first == UInt8(ascii: "\""), raw.last == UInt8(ascii: "\"") else { return nil }
        return DigestAlgorithm(rawValue: String(decoding: raw.dropFirst().dropLast(), as: UTF8.self))
    }

    /// The entries array, each entry checked as ``JSONManifestCodec`` checks it.
    private static func entries(_ reader: JSONByteReader, algorithm: DigestAlgorithm) -> EntryList? {
        guard reader.take(UInt8(ascii: "[")) else { return nil }
        var list = EntryList()
        var first = true
        while !reader.take(UInt8(ascii: "]")) {
            guard first || reader.take(UInt8(ascii: ",")), let entry = entry(reader, algorithm: algorithm) else {
                return nil
            }
            first = false
            list.append(
                path: entry.path, type: entry.type, size: entry.size, executable: entry.executable,
                target: entry.target, digest: entry.digest)
        }
        return list
    }

    private static let knownKeys: Set<[UInt8]> = Set(
        ["path", "pathHex", "type", "size", "digest", "executable", "target", "targetHex"].map { Array($0.utf8) })

    private struct Fields {
        var path: [UInt8]?
        var pathHex: [UInt8]?
        var type: EntryType?
        var size: UInt64?
        var digest: Digest?
        var executable: Bool?
        var target: [UInt8]?
        var targetHex: [UInt8]?
    }

    /// One entry object; `nil` for anything `JSONManifestCodec` would refuse or read differently.
    private static func entry(
        _ reader: JSONByteReader, algorithm: DigestAlgorithm
    ) -> (path: [UInt8], type: EntryType, size: UInt64?, digest: Digest?, executable: Bool?, target: [UInt8]?)? {
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        var fields = Fields()
        var seen: Set<[UInt8]> = []
        var first = true
        while !reader.take(UInt8(ascii: "}")) {
            guard first || reader.take(UInt8(ascii: ",")), let key = reader.string(), reader.take(UInt8(ascii: ":"))
            else { return nil }
            // A repeated key is left to the complete decoder.
            guard Self.knownKeys.contains(key) ? seen.insert(key).inserted : true else { return nil }
            first = false
            reader.skipSpace()
            if reader.peek() == UInt8(ascii: "n") {
                guard reader.literal() == "null", key != Array("path".utf8), key != Array("type".utf8) else {
                    return nil
                }
                continue
            }
            guard read(String(decoding: key, as: UTF8.self), from: reader, algorithm: algorithm, into: &fields) else {
                return nil
            }
        }
        return checked(fields)
    }

    /// Reads the value of one field; `false` when it is malformed.
    private static func read(
        _ key: String, from reader: JSONByteReader, algorithm: DigestAlgorithm, into fields: inout Fields
    ) -> Bool {
        switch key {
        case "path":
            fields.path = reader.string()
            return fields.path != nil
        case "pathHex":
            fields.pathHex = reader.string()
            return fields.pathHex != nil
        case "target":
            fields.target = reader.string()
            return fields.target != nil
        case "targetHex":
            fields.targetHex = reader.string()
            return fields.targetHex != nil
        case "type":
            fields.type = reader.string().flatMap { EntryType(rawValue: String(decoding: $0, as: UTF8.self)) }
            return fields.type != nil
        case "size":
            fields.size = reader.unsigned()
            return fields.size != nil
        case "executable":
            switch reader.literal() {
            case "true": fields.executable = true
            case "false": fields.executable = false
            default: return false
            }
            return true
        case "digest":
            fields.digest = reader.string().flatMap { Digest(algorithm: algorithm, hex: String(decoding: $0, as: UTF8.self)) }
            return fields.digest != nil
        default:
            var ignored: [UInt8] = []
            return reader.skipValue(into: &ignored)
        }
    }

    /// The entry's parts once every field read is valid: required ones present, hex decoded.
    private static func checked(
        _ fields: Fields
    ) -> (path: [UInt8], type: EntryType, size: UInt64?, digest: Digest?, executable: Bool?, target: [UInt8]?)? {
        guard let text = fields.path, let type = fields.type,
            let path = bytes(text: text, hex: fields.pathHex)
        else { return nil }
        var target: [UInt8]?
        if let text = fields.target {
            guard let bytes = bytes(text: text, hex: fields.targetHex) else { return nil }
            target = bytes
        }
        return (path, type, fields.size, fields.digest, fields.executable, target)
    }

    /// A path's bytes as ``PathText`` reads them: the hex form when present, else the text.
    private static func bytes(text: [UInt8], hex: [UInt8]?) -> [UInt8]? {
        guard let hex else { return text }
        return Hex.decode(String(decoding: hex, as: UTF8.self))
    }
}
