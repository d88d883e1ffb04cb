/// SPDX 2.x documents in tag-value form (SPDX specification 2.3, annex "SPDX tag-value format").
public enum SPDXTagValue {
    /// Whether the text is an SPDX tag-value document: its first tag is `SPDXVersion: SPDX-2.x`.
    public static func matches(_ bytes: [UInt8]) -> Bool {
        let first = ListingBuilder.lines(bytes).first { line in
            line.bytes.first != UInt8(ascii: "#") && !line.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }
        let text = first.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        return text.hasPrefix("SPDXVersion:") && text.contains("SPDX-2.")
    }
}
