/// The manifest file formats Assay reads and writes.
public enum ManifestFormat: String, CaseIterable, Codable, Sendable {
    /// Assay's own canonical JSON (`Schemas/manifest.schema.json`): every entry type, sizes, executable bits.
    case assay
    /// GNU coreutils `sha256sum` lines: `hex  name`, `hex *name` (binary mode), `\` prefix for escaped names.
    case gnu
    /// BSD tagged lines: `SHA256 (name) = hex` (also written by `sha256sum --tag`).
    case bsd
    /// A BagIt `manifest-<alg>.txt`: `hex  data/name`, with `%`, CR and LF percent-encoded.
    case bagit
    /// hashdeep: a `%%%% HASHDEEP-1.0` header, then `size,hash,filename` rows.
    case hashdeep
    /// The `Checksums-Sha256:` field of a Debian `.dsc` or `.changes` file (read only).
    case debian
    /// An SPDX 2.x document, tag-value or JSON: its files and their checksums (read only).
    case spdx

    /// Tells the format of a manifest from its content, never from its name: an SPDX 2.x document (tag-value, or JSON
    /// with `spdxVersion`) is SPDX, other `{` Assay JSON, `%%%% HASHDEEP` hashdeep, a checksums field a Debian control
    /// file, lines whose paths all start with `data/` a BagIt payload
    /// manifest, tagged lines BSD, anything else GNU.
    public static func detect(_ bytes: [UInt8]) -> ManifestFormat {
        if SPDXDocument.matches(bytes) { return .spdx }
        let text = bytes.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") }
        if text.first == UInt8(ascii: "{") { return .assay }
        if text.starts(with: Array("%%%% HASHDEEP".utf8)) { return .hashdeep }
        if DebianControlFormat.matches(Array(text)) { return .debian }
        let firstRecord = text.split { $0 == UInt8(ascii: "\n") || $0 == 0 }.first {
            $0.first != UInt8(ascii: "#")
        }
        if CoreutilsFormat.isTagged(Array(firstRecord ?? []), zeroTerminated: bytes.contains(0)) { return .bsd }
        return !bytes.contains(0) && BagItFormat.matches(bytes) ? .bagit : .gnu
    }
}
