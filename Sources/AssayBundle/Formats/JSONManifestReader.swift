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
            guard first || reader.take(UInt8(ascii: ",")),
                let key = reader.string().map({ String(decoding: $0, as: UTF8.self) }),
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
        let frame =
            "{" + fields.map { "\"\($0.key)\":" + String(decoding: $0.value, as: UTF8.self) }.joined(separator: ",")
            + "}"
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

    /// The fields of an entry, by position: `path` (0) and `type` (2) are required.
    private static let fieldNames = ["path", "pathHex", "type", "size", "digest", "executable", "target", "targetHex"]
        .map { Array($0.utf8) }

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
        var seen: UInt16 = 0
        var first = true
        var key: [UInt8] = []
        while !reader.take(UInt8(ascii: "}")) {
            guard first || reader.take(UInt8(ascii: ",")), reader.string(into: &key), reader.take(UInt8(ascii: ":"))
            else { return nil }
            first = false
            let field = Self.fieldNames.firstIndex { $0.elementsEqual(key) }
            if let field {
                // A repeated field is left to the complete decoder.
                guard seen & 1 << field == 0 else { return nil }
                seen |= 1 << field
            }
            reader.skipSpace()
            if reader.peek() == UInt8(ascii: "n") {
                guard reader.literal() == "null", field != 0, field != 2 else { return nil }
                continue
            }
            guard read(field, from: reader, algorithm: algorithm, into: &fields) else { return nil }
        }
        return checked(fields)
    }

    /// Reads the value of one field (a position in ``fieldNames``, `nil` for an unknown one, skipped); `false` when
    /// it is malformed.
    private static func read(
        _ field: Int?, from reader: JSONByteReader, algorithm: DigestAlgorithm, into fields: inout Fields
    ) -> Bool {
        switch field {
        case 0: fields.path = reader.string()
        case 1: fields.pathHex = reader.string()
        case 2: fields.type = reader.string().flatMap { EntryType(rawValue: String(decoding: $0, as: UTF8.self)) }
        case 3: fields.size = reader.unsigned()
        case 4:
            fields.digest = reader.string().flatMap { hex in
                Self.hexBytes(hex).flatMap {
                    $0.count == algorithm.outputByteCount ? Digest(algorithm: algorithm, bytes: $0) : nil
                }
            }
        case 5:
            switch reader.literal() {
            case "true": fields.executable = true
            case "false": fields.executable = false
            default: return false
            }
            return true
        case 6: fields.target = reader.string()
        case 7: fields.targetHex = reader.string()
        default:
            var ignored: [UInt8] = []
            return reader.skipValue(into: &ignored)
        }
        let read: Bool? =
            switch field {
            case 0: fields.path != nil
            case 1: fields.pathHex != nil
            case 2: fields.type != nil
            case 3: fields.size != nil
            case 4: fields.digest != nil
            case 6: fields.target != nil
            case 7: fields.targetHex != nil
            default: nil
            }
        return read ?? false
    }

    /// Hexadecimal digits of either case as bytes, without building a `String`.
    private static func hexBytes(_ hex: [UInt8]) -> [UInt8]? {
        guard hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        var index = 0
        while index < hex.count {
            guard let high = JSONByteReader.hexValue(hex[index]), let low = JSONByteReader.hexValue(hex[index + 1])
            else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
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
        return hexBytes(hex)
    }
}
