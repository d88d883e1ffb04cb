import AssayCrypto

/// GNU coreutils checksum lines, in both the default (`hex  name`) and tagged (`SHA256 (name) = hex`) forms.
///
/// Names holding a backslash, LF or CR are written the way coreutils does: the line starts with `\` and the name
/// escapes them as `\\`, `\n`, `\r`. A `*` before the name (binary mode) is accepted and means nothing on Linux.
/// Lines starting with `#` are comments, as `sha256sum -c` skips them. A manifest holding a NUL byte was written
/// with `sha256sum -z`: NUL-terminated records whose names are not escaped.
enum CoreutilsFormat {
    private static let backslash = UInt8(ascii: "\\")
    private static let space = UInt8(ascii: " ")
    private static let tagSeparator = Array(") = ".utf8)

    /// Whether a line is in the tagged form `TAG (name) = hex`.
    static func isTagged(_ line: [UInt8], zeroTerminated: Bool = false) -> Bool {
        let body = !zeroTerminated && line.first == backslash ? Array(line.dropFirst()) : line
        guard let open = body.firstIndex(of: UInt8(ascii: "(")), open > 1, body[open - 1] == space,
            tagAlgorithm(body[..<(open - 1)]) != nil
        else { return false }
        return lastRange(of: tagSeparator, in: body).map { $0 > open } ?? false
    }

    static func tagAlgorithm(_ tag: some Collection<UInt8>) -> DigestAlgorithm? {
        let text = String(decoding: tag, as: UTF8.self)
        return DigestAlgorithm.allCases.first { $0.bsdTag == text } ?? (text == "BLAKE2b-512" ? .blake2b512 : nil)
    }

    /// Reads GNU and tagged lines, mixed as `sha256sum -c` accepts them.
    static func read(_ bytes: [UInt8], into builder: inout ListingBuilder) throws(BundleError) {
        let zeroTerminated = bytes.contains(0)
        let records = zeroTerminated ? ListingBuilder.records(bytes, separator: 0) : ListingBuilder.lines(bytes)
        for (number, line) in records where line.first != UInt8(ascii: "#") {
            let escaped = !zeroTerminated && line.first == backslash
            let body = escaped ? Array(line.dropFirst()) : line
            if isTagged(line, zeroTerminated: zeroTerminated) {
                try readTagged(body, escaped: escaped, number: number, into: &builder)
                continue
            }
            guard let gap = body.firstIndex(of: space), gap + 1 < body.count,
                body[gap + 1] == space || body[gap + 1] == UInt8(ascii: "*"), gap + 2 < body.count
            else {
                throw builder.malformed(number, "expected 'digest  name' or 'TAG (name) = digest'")
            }
            let name = try unescape(Array(body[(gap + 2)...]), escaped: escaped, number: number, builder: builder)
            try builder.add(line: number, path: name, hex: Array(body[..<gap]))
        }
    }

    private static func readTagged(
        _ body: [UInt8], escaped: Bool, number: Int, into builder: inout ListingBuilder
    ) throws(BundleError) {
        guard let open = body.firstIndex(of: UInt8(ascii: "(")),
            let close = lastRange(of: tagSeparator, in: body), close > open
        else { throw builder.malformed(number, "expected 'TAG (name) = digest'") }
        let name = try unescape(Array(body[(open + 1)..<close]), escaped: escaped, number: number, builder: builder)
        let hex = Array(body[(close + tagSeparator.count)...])
        try builder.add(line: number, path: name, hex: hex, algorithm: tagAlgorithm(body[..<(open - 1)]))
    }

    private static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return stride(from: haystack.count - needle.count, through: 0, by: -1).first {
            haystack[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }

    private static func unescape(
        _ name: [UInt8], escaped: Bool, number: Int, builder: ListingBuilder
    ) throws(BundleError) -> [UInt8] {
        guard escaped else { return name }
        var out: [UInt8] = []
        var iterator = name.makeIterator()
        while let byte = iterator.next() {
            guard byte == backslash else {
                out.append(byte)
                continue
            }
            switch iterator.next() {
            case backslash: out.append(backslash)
            case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
            default: throw builder.malformed(number, "unknown escape in name (only \\\\, \\n and \\r are valid)")
            }
        }
        return out
    }

    /// Writes one line per file, in path order.
    static func write(_ manifest: Manifest, tagged: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for entry in manifest.entries where entry.type == .file {
            guard let digest = entry.digest else { continue }
            let (name, escaped) = escape(entry.path.bytes)
            if escaped { out.append(backslash) }
            if tagged {
                out += Array("\(manifest.algorithm.bsdTag) (".utf8) + name + Array(") = \(digest.hex)".utf8)
            } else {
                out += Array("\(digest.hex)  ".utf8) + name
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    private static func escape(_ name: [UInt8]) -> (bytes: [UInt8], escaped: Bool) {
        guard name.contains(where: { $0 == backslash || $0 == 10 || $0 == 13 }) else { return (name, false) }
        var out: [UInt8] = []
        for byte in name {
            switch byte {
            case backslash: out += [backslash, backslash]
            case 10: out += [backslash, UInt8(ascii: "n")]
            case 13: out += [backslash, UInt8(ascii: "r")]
            default: out.append(byte)
            }
        }
        return (out, true)
    }
}
