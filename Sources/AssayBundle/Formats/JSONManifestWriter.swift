import AssayCrypto
import Foundation

/// Writes Assay's JSON manifest in pieces of about 256 KiB, byte for byte what `JSONEncoder` makes of a
/// ``ManifestDocument`` (keys sorted, slashes unescaped, optionally pretty), without building the document.
///
/// `JSONEncoder` holds a tree of every entry's JSON, kilobytes per entry; here the fields around the entries are
/// still encoded by `JSONEncoder` (a document with no entries), and each entry is written straight from the
/// ``EntryList`` into the place its empty array takes.
enum JSONManifestWriter {
    static func write(_ manifest: Manifest, pretty: Bool, to sink: ([UInt8]) throws -> Void) rethrows {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and booleans cannot fail.
        let frame = Array((try? encoder.encode(ManifestDocument(manifest, entries: []))) ?? Data()) + [10]
        guard !manifest.entries.isEmpty, let (open, close) = emptyEntriesArray(in: frame) else {
            try sink(frame)
            return
        }
        var out = Array(frame[...open])
        out.reserveCapacity(Self.flushBytes + 64 * 1024)
        let style = pretty ? Style.pretty : Style.compact
        try manifest.entries.withStorage { bytes, records in
            for (position, record) in records.enumerated() {
                out.append(contentsOf: position == 0 ? style.firstItem : style.nextItem)
                appendEntry(record, bytes: bytes, style: style, to: &out)
                if out.count >= Self.flushBytes {
                    try sink(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
        }
        out.append(contentsOf: style.afterItems)
        out.append(contentsOf: frame[close...])
        try sink(out)
    }

    private static let flushBytes = 256 * 1024

    /// The separators of one style: before the first item, between items, after the last (before `]`), inside an
    /// item, and between a key and its value.
    private struct Style {
        let firstItem: [UInt8]
        let nextItem: [UInt8]
        let afterItems: [UInt8]
        let open: [UInt8]
        let field: [UInt8]
        let close: [UInt8]
        let colon: [UInt8]

        static let compact = Style(
            firstItem: [], nextItem: Array(",".utf8), afterItems: [], open: Array("{".utf8), field: Array(",".utf8),
            close: Array("}".utf8), colon: Array(":".utf8))
        static let pretty = Style(
            firstItem: Array("\n    ".utf8), nextItem: Array(",\n    ".utf8), afterItems: Array("\n  ".utf8),
            open: Array("{\n      ".utf8), field: Array(",\n      ".utf8), close: Array("\n    }".utf8),
            colon: Array(" : ".utf8))
    }

    /// The positions of `[` and `]` of the empty `entries` array in the encoded frame.
    private static func emptyEntriesArray(in frame: [UInt8]) -> (Int, Int)? {
        let key = Array("\"entries\"".utf8)
        guard let keyStart = frame.indices.first(where: { frame[$0...].starts(with: key) }),
            let open = frame[keyStart...].firstIndex(of: UInt8(ascii: "[")),
            let close = frame[open...].firstIndex(of: UInt8(ascii: "]"))
        else { return nil }
        return (open, close)
    }

    /// One entry object, its keys in sorted order: digest, executable, path, pathHex, size, target, targetHex, type.
    private static func appendEntry(
        _ record: EntryList.Record, bytes: UnsafeBufferPointer<UInt8>, style: Style, to out: inout [UInt8]
    ) {
        let flags = record.flags
        var first = true
        func key(_ name: StaticString) {
            out.append(contentsOf: first ? style.open : style.field)
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: style.colon)
        }
        let pathEnd = record.pathEnd
        let targetEnd = pathEnd + Int(record.targetLength)
        if let algorithm = flags.algorithm {
            key("digest")
            out.append(UInt8(ascii: "\""))
            for byte in bytes[targetEnd..<targetEnd + algorithm.outputByteCount] {
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0f)])
            }
            out.append(UInt8(ascii: "\""))
        }
        if flags.contains(.hasExecutable) {
            key("executable")
            out.append(contentsOf: flags.contains(.executable) ? "true".utf8 : "false".utf8)
        }
        key("path")
        if let hex = appendPath(UnsafeBufferPointer(rebasing: bytes[record.start..<pathEnd]), to: &out) {
            key("pathHex")
            appendString(hex, to: &out)
        }
        if flags.contains(.hasSize) {
            key("size")
            BundleDigest.appendDecimal(record.size, to: &out)
        }
        if flags.contains(.hasTarget) {
            key("target")
            if let hex = appendPath(UnsafeBufferPointer(rebasing: bytes[pathEnd..<targetEnd]), to: &out) {
                key("targetHex")
                appendString(hex, to: &out)
            }
        }
        key("type")
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: flags.type.rawValue.utf8)
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: style.close)
    }

    /// Appends a path as ``PathText`` shows it (the text when it is UTF-8, otherwise a display form) and returns
    /// its exact bytes in hexadecimal when they are not UTF-8, for the `…Hex` field.
    private static func appendPath(_ path: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> String? {
        if path.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: path)
            out.append(UInt8(ascii: "\""))
            return nil
        }
        let text = PathText(EntryPath(bytes: Array(path)))
        appendString(text.text, to: &out)
        return text.hex
    }

    /// A JSON string as `JSONEncoder` writes it: `"` and `\` escaped, control characters as `\n`, `\t`… or
    /// `\u00XX`, everything else (slashes, non-ASCII) as is.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0c: out.append(contentsOf: "\\f".utf8)
            case 0x0a: out.append(contentsOf: "\\n".utf8)
            case 0x0d: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0f)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
