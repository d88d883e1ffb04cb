import AssayBundle
import AssayCrypto
import Foundation
import Testing

/// The JSON manifest is written and read piece by piece (so millions of entries fit in little memory); the bytes
/// are exactly those `JSONEncoder` writes, and a file is read exactly as its bytes are decoded.
@Suite struct ManifestStreamingTests {
    /// Names of every awkward kind: control characters, quotes, backslashes, slashes, non-ASCII, bytes that are not
    /// UTF-8; a symlink with such a target; a directory; an executable file; and the `JSONEncoder` escapes.
    static func awkward() throws -> Manifest {
        var names = (0..<0x20).map { "c\(Character(Unicode.Scalar(UInt8($0))))x" }
        names += ["quote\"d", "back\\slash", "dir/sub/file", "\u{7f}del", "ünï.txt", "emoji 🎉", "\u{2028}line"]
        var entries = try names.enumerated().map { index, name in
            BundleEntry.file(
                EntryPath(name), size: UInt64(index * 1000), digest: try DigestContext.digest(Array(name.utf8)),
                executable: index % 2 == 0)
        }
        entries.append(
            .file(EntryPath(bytes: [0x66, 0xff, 0xfe]), size: 1, digest: try DigestContext.digest([1]), executable: true))
        entries.append(.symlink(EntryPath("link"), target: EntryPath(bytes: [0x2e, 0x2e, 0x2f, 0xc3])))
        entries.append(.symlink(EntryPath("plain-link"), target: EntryPath("dir/sub/file")))
        entries.append(.directory(EntryPath("dir")))
        entries.append(.directory(EntryPath("dir/sub")))
        entries.append(BundleEntry(path: EntryPath("no-size"), type: .file))
        return try Manifest(
            algorithm: .sha256, coverage: .complete, source: "directory", entries: entries,
            findings: [BundleFinding(.caseVariant, .warning, path: EntryPath("a/\"b\""), "note")],
            strippedPrefix: EntryPath("top"))
    }

    @Test(arguments: [false, true])
    func writerMatchesJSONEncoderByteForByte(pretty: Bool) throws {
        let manifest = try Self.awkward()
        let written = try ManifestCodec.encode(manifest, as: .assay, pretty: pretty)
        // Re-encoding the parsed document with JSONEncoder must give back the very same bytes.
        let document = try JSONDecoder().decode(Document.self, from: Data(written))
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        let expected = Array(try encoder.encode(document)) + [10]
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(written == expected)
        var pieces: [UInt8] = []
        try ManifestCodec.write(manifest, as: .assay, pretty: pretty) { pieces += $0 }
        #expect(pieces == written)
    }

    @Test(arguments: [false, true])
    func fileIsReadAsItsBytesAreDecoded(pretty: Bool) throws {
        let temp = try TempDir()
        let manifest = try Self.awkward()
        let bytes = try ManifestCodec.encode(manifest, as: .assay, pretty: pretty)
        try Data(bytes).write(to: URL(fileURLWithPath: temp.path + "/m.json"))
        let read = try ManifestCodec.read(contentsOf: temp.path + "/m.json")
        #expect(read == manifest)
        #expect(read == (try ManifestCodec.decode(bytes, file: "m.json")))
    }

    /// A manifest a few times the reader's 1 MiB buffer, with escaped and non-ASCII names of many lengths, so that
    /// strings, escapes and digests straddle the points where the buffer is refilled.
    @Test(arguments: [false, true])
    func largeFileIsReadAsItsBytesAreDecoded(pretty: Bool) throws {
        let temp = try TempDir()
        let pieces = ["a", "\"", "\\", "ü", "\u{1}", "🎉", "bcdefgh", "\u{7f}"]
        let entries = try (0..<16_000).map { index in
            let name = "n\(index)-" + (0..<(index % 23)).map { pieces[($0 + index) % pieces.count] }.joined()
            return BundleEntry.file(
                EntryPath(name), size: UInt64(index), digest: try DigestContext.digest(Array(name.utf8)),
                executable: index % 3 == 0)
        }
        let manifest = try Manifest(algorithm: .sha256, coverage: .complete, source: "directory", entries: entries)
        let bytes = try ManifestCodec.encode(manifest, as: .assay, pretty: pretty)
        #expect(bytes.count > 2 << 20)
        try Data(bytes).write(to: URL(fileURLWithPath: temp.path + "/m.json"))
        let read = try ManifestCodec.read(contentsOf: temp.path + "/m.json")
        #expect(read == manifest)
        #expect(read == (try ManifestCodec.decode(bytes, file: "m.json")))
    }

    @Test func damagedFilesFailAsTheirBytesDo() throws {
        let temp = try TempDir()
        let text = String(decoding: try ManifestCodec.encode(try Self.awkward(), as: .assay), as: UTF8.self)
        let damaged = [
            text.replacingOccurrences(of: "\"type\":\"directory\"", with: "\"type\":\"dir\""),
            text.replacingOccurrences(of: "\"size\":1000", with: "\"size\":-1"),
            text.replacingOccurrences(of: "\"size\":1000", with: "\"size\":01000"),
            text.replacingOccurrences(of: "\"path\":\"link\"", with: "\"path\":\"plain-link\""),
            text.replacingOccurrences(of: "\"executable\":true", with: "\"executable\":1"),
            String(text.dropLast(40)),
        ]
        for (index, damage) in damaged.enumerated() {
            let path = temp.path + "/m\(index).json"
            try Data(damage.utf8).write(to: URL(fileURLWithPath: path))
            let fromBytes = #expect(throws: BundleError.self) {
                try ManifestCodec.decode(Array(damage.utf8), file: path)
            }
            let fromFile = #expect(throws: BundleError.self) { try ManifestCodec.read(contentsOf: path) }
            #expect(fromFile?.description == fromBytes?.description, "damage \(index)")
        }
    }

    /// The manifest document as `Schemas/manifest.schema.json` describes it, for re-encoding.
    struct Document: Codable {
        var formatVersion: Int
        var algorithm: String
        var coverage: String
        var toolVersion: String
        var source: String
        var strippedPrefix: String?
        var strippedPrefixHex: String?
        var entries: [Entry]
        var totals: [String: UInt64]
        var bundleDigest: String?
        var findings: [[String: String]]

        struct Entry: Codable {
            var path: String
            var pathHex: String?
            var type: String
            var size: UInt64?
            var digest: String?
            var executable: Bool?
            var target: String?
            var targetHex: String?
        }
    }
}
