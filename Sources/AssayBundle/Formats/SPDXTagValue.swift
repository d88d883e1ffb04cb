/// SPDX 2.x documents in tag-value form (SPDX specification 2.3, annex "SPDX tag-value format"): `Tag: value`
/// lines, `#` comments, multi-line values between `<text>` and `</text>`. Fields belong to the latest `PackageName`
/// or `FileName` above them; files after a package are the package's files.
enum SPDXTagValue {
    /// Whether the text is an SPDX tag-value document: its first tag is `SPDXVersion: SPDX-2.x`.
    static func matches(_ bytes: [UInt8]) -> Bool {
        let first = ListingBuilder.lines(bytes).first { line in
            line.bytes.first != UInt8(ascii: "#") && !line.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }
        let text = first.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        return text.hasPrefix("SPDXVersion:") && text.contains("SPDX-2.")
    }

    /// Parses a document; errors name the line and tag.
    static func parse(_ bytes: [UInt8], file: String) throws(BundleError) -> SPDXDocument {
        var builder = SPDXBuilder(file: file)
        for (line, tag, value) in try tags(bytes, file: file) {
            try builder.take(tag: tag, value: value, line: line)
        }
        return try builder.build()
    }

    /// The `(line, tag, value)` of every tag, multi-line `<text>` values joined.
    private static func tags(_ bytes: [UInt8], file: String) throws(BundleError) -> [(Int, String, String)] {
        var tags: [(Int, String, String)] = []
        var open: (line: Int, tag: String, text: String)?
        for (number, raw) in ListingBuilder.records(bytes, separator: UInt8(ascii: "\n")) {
            guard var line = String(validating: raw, as: UTF8.self) else {
                throw BundleError.malformedManifest(file: file, line: number, reason: "not UTF-8")
            }
            if line.hasSuffix("\r") { line.removeLast() }
            if let current = open {
                if let end = line.range(of: "</text>") {
                    tags.append((current.line, current.tag, current.text + "\n" + line[..<end.lowerBound]))
                    open = nil
                } else {
                    open?.text += "\n" + line
                }
                continue
            }
            let trimmed = line.trimmingBlanks
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let colon = trimmed.firstIndex(of: ":"), colon > trimmed.startIndex else {
                throw BundleError.malformedManifest(file: file, line: number, reason: "expected 'Tag: value'")
            }
            let tag = String(trimmed[..<colon])
            let value = String(trimmed[trimmed.index(after: colon)...]).trimmingBlanks
            if value.hasPrefix("<text>") {
                let body = value.dropFirst(6)
                if let end = body.range(of: "</text>") {
                    tags.append((number, tag, String(body[..<end.lowerBound])))
                } else {
                    open = (number, tag, String(body))
                }
                continue
            }
            tags.append((number, tag, value))
        }
        if let open {
            throw BundleError.malformedManifest(file: file, line: open.line, reason: "\(open.tag): <text> is not closed")
        }
        return tags
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
