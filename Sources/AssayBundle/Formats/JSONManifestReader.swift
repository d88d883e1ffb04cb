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

    /// The algorithm an Assay JSON manifest names in its first field (Assay writes its keys sorted, so `algorithm`
    /// comes before the entries), read from the start of the file; `nil` when the file does not start that way or
    /// names a legacy algorithm. A hint to start reading a bundle early: the whole file decides.
    static func leadingAlgorithm(path: String) -> DigestAlgorithm? {
        var key: [UInt8] = []
        var value: [UInt8] = []
        guard let reader = JSONByteReader(path: path), reader.take(UInt8(ascii: "{")), reader.string(into: &key),
            key == Array("algorithm".utf8), reader.take(UInt8(ascii: ":")), reader.skipValue(into: &value),
            let algorithm = algorithm(value), !algorithm.isLegacy
        else { return nil }
        return algorithm
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
        var fields = Fields()
        var first = true
        while !reader.take(UInt8(ascii: "]")) {
            guard first || reader.take(UInt8(ascii: ",")), entry(reader, algorithm: algorithm, into: &fields),
                fields.has(.path), fields.has(.type)
            else { return nil }
            first = false
            guard fields.append(to: &list, algorithm: algorithm) else { return nil }
        }
        return list
    }

    /// The fields of an entry, by position: `path` (0) and `type` (2) are required.
    private static let fieldNames = ["path", "pathHex", "type", "size", "digest", "executable", "target", "targetHex"]
        .map { Array($0.utf8) }

    private static let typeNames = EntryType.allCases.map { (name: Array($0.rawValue.utf8), type: $0) }

    /// One entry's fields as read, in buffers reused from entry to entry (no allocation per entry once they have
    /// grown); `present` has bit `n` for each field `n` of ``fieldNames`` read with a value (not `null`).
    private struct Fields {
        enum Name: Int {
            case path, pathHex, type, size, digest, executable, target, targetHex
        }

        var present: UInt16 = 0
        var path: [UInt8] = []
        var pathHex: [UInt8] = []
        var type = EntryType.file
        var size: UInt64 = 0
        /// The digest's bytes, decoded from hex.
        var digest: [UInt8] = []
        var executable = false
        var target: [UInt8] = []
        var targetHex: [UInt8] = []
        /// A string read before it is decoded (a type name, a digest's hex).
        var scratch: [UInt8] = []

        func has(_ name: Name) -> Bool { present & 1 << name.rawValue != 0 }

        /// Appends the entry to `list`; `false` when a hex form does not decode.
        func append(to list: inout EntryList, algorithm: DigestAlgorithm) -> Bool {
            guard let path = bytes(path, hex: has(.pathHex) ? pathHex : nil) else { return false }
            var linkTarget: [UInt8]?
            if has(.target) {
                guard let bytes = bytes(target, hex: has(.targetHex) ? targetHex : nil) else { return false }
                linkTarget = bytes
            }
            list.append(
                path: path, type: type, size: has(.size) ? size : nil, executable: has(.executable) ? executable : nil,
                target: linkTarget, digestRoom: has(.digest) ? algorithm : nil)
            if has(.digest) { list.replaceBytes(at: list.digestOffset(list.count - 1), with: digest) }
            return true
        }

        /// A path's bytes as ``PathText`` reads them: the hex form when present, else the text.
        private func bytes(_ text: [UInt8], hex: [UInt8]?) -> [UInt8]? {
            guard let hex else { return text }
            return JSONManifestReader.hexBytes(hex)
        }
    }

    /// Reads one entry object into `fields`; `false` for anything `JSONManifestCodec` would refuse or read
    /// differently.
    private static func entry(_ reader: JSONByteReader, algorithm: DigestAlgorithm, into fields: inout Fields) -> Bool {
        guard reader.take(UInt8(ascii: "{")) else { return false }
        fields.present = 0
        var seen: UInt16 = 0
        var first = true
        while !reader.take(UInt8(ascii: "}")) {
            guard first || reader.take(UInt8(ascii: ",")), reader.string(into: &fields.scratch),
                reader.take(UInt8(ascii: ":"))
            else { return false }
            first = false
            let field = Self.fieldNames.firstIndex(of: fields.scratch)
            if let field {
                // A repeated field is left to the complete decoder.
                guard seen & 1 << field == 0 else { return false }
                seen |= 1 << field
            }
            reader.skipSpace()
            if reader.peek() == UInt8(ascii: "n") {
                guard reader.literal() == "null", field != 0, field != 2 else { return false }
                continue
            }
            let name = field.flatMap { Fields.Name(rawValue: $0) }
            guard read(name, from: reader, algorithm: algorithm, into: &fields) else { return false }
        }
        return true
    }

    /// Reads the value of one field (`nil` for an unknown one, skipped); `false` when it is malformed.
    private static func read(
        _ field: Fields.Name?, from reader: JSONByteReader, algorithm: DigestAlgorithm, into fields: inout Fields
    ) -> Bool {
        let read: Bool
        switch field {
        case .path: read = reader.string(into: &fields.path)
        case .pathHex: read = reader.string(into: &fields.pathHex)
        case .type:
            let name = reader.string(into: &fields.scratch) ? fields.scratch : nil
            guard let type = Self.typeNames.first(where: { $0.name == name })?.type else { return false }
            fields.type = type
            read = true
        case .size:
            guard let size = reader.unsigned() else { return false }
            fields.size = size
            read = true
        case .digest:
            read =
                reader.string(into: &fields.scratch) && decodeHex(fields.scratch, into: &fields.digest)
                && fields.digest.count == algorithm.outputByteCount
        case .executable:
            switch reader.literal() {
            case "true": fields.executable = true
            case "false": fields.executable = false
            default: return false
            }
            read = true
        case .target: read = reader.string(into: &fields.target)
        case .targetHex: read = reader.string(into: &fields.targetHex)
        case nil:
            var ignored: [UInt8] = []
            return reader.skipValue(into: &ignored)
        }
        if let field, read { fields.present |= 1 << field.rawValue }
        return read
    }

    /// Hexadecimal digits of either case as bytes, without building a `String`.
    private static func hexBytes(_ hex: [UInt8]) -> [UInt8]? {
        var bytes: [UInt8] = []
        return decodeHex(hex, into: &bytes) ? bytes : nil
    }

    /// Decodes hexadecimal digits of either case into `bytes` (its storage reused when the length is the same, as
    /// for every digest of a manifest); `false` on an odd count or a byte that is not a hex digit.
    private static func decodeHex(_ hex: [UInt8], into bytes: inout [UInt8]) -> Bool {
        guard hex.count % 2 == 0 else { return false }
        let count = hex.count / 2
        if bytes.count != count { bytes = [UInt8](repeating: 0, count: count) }
        return hex.withUnsafeBufferPointer { source in
            bytes.withUnsafeMutableBufferPointer { target in
                hexValues.withUnsafeBufferPointer { values in
                    var invalid: UInt8 = 0
                    for index in 0..<count {
                        let high = values[Int(source[2 * index])]
                        let low = values[Int(source[2 * index + 1])]
                        invalid |= high | low
                        target[index] = high &<< 4 | low & 0x0f
                    }
                    return invalid & 0x80 == 0
                }
            }
        }
    }

    /// Each byte's value as a hex digit of either case; `0xff` for a byte that is not one.
    private static let hexValues: [UInt8] = (0...255).map { JSONByteReader.hexValue(UInt8($0)) ?? 0xff }
}
