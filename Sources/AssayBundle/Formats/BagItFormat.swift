import AssayCrypto

/// BagIt manifests (RFC 8493 §2.1.3, §2.2.1): `hex  path` per line, the digest and path separated by spaces or tabs,
/// `%`, CR and LF percent-encoded in the path.
///
/// A payload manifest read on its own (`--manifest`) lists the payload: `data/` is removed on reading and added on
/// writing. Inside a bag (``BagVerifier``) paths stay relative to the bag: ``Names/bag``.
enum BagItFormat {
    static let payloadPrefix = Array("data/".utf8)

    /// How a manifest's paths are read.
    enum Names {
        /// A payload manifest on its own: every path starts with `data/`, which is removed.
        case payload
        /// A payload manifest in its bag: every path starts with `data/`, which is kept.
        case bagPayload
        /// A tag manifest in its bag: paths as they are.
        case bagTags
    }

    /// Whether manifest bytes look like a BagIt payload manifest: every line is a hex digest, blanks, and a path
    /// under `data/` (GNU and BSD lines are told apart by content first; see ``ManifestFormat/detect(_:)``).
    static func matches(_ bytes: [UInt8]) -> Bool {
        let lines = ListingBuilder.lines(bytes)
        return !lines.isEmpty
            && lines.allSatisfy { _, line in
                guard let gap = line.firstIndex(where: isBlank), gap > 0,
                    line[..<gap].allSatisfy(isHexDigit),
                    let nameStart = line[gap...].firstIndex(where: { !isBlank($0) })
                else { return false }
                return line[nameStart...].starts(with: payloadPrefix)
            }
    }

    static func read(_ bytes: [UInt8], names: Names = .payload, into builder: inout ListingBuilder) throws(BundleError)
    {
        for (number, line) in ListingBuilder.lines(bytes) {
            guard let gap = line.firstIndex(where: isBlank),
                let nameStart = line[gap...].firstIndex(where: { !isBlank($0) })
            else { throw builder.malformed(number, "expected 'digest  path'") }
            guard let name = percentDecode(Array(line[nameStart...])) else {
                throw builder.malformed(number, "bad percent-encoding in name")
            }
            if names != .bagTags && !name.starts(with: payloadPrefix) {
                throw builder.malformed(number, "name does not start with 'data/'")
            }
            let path = names == .payload ? Array(name.dropFirst(payloadPrefix.count)) : name
            try builder.add(line: number, path: path, hex: Array(line[..<gap]))
        }
    }

    static func write(_ manifest: Manifest) -> [UInt8] {
        var out: [UInt8] = []
        for entry in manifest.entries where entry.type == .file {
            guard let digest = entry.digest else { continue }
            out += Array("\(digest.hex)  ".utf8) + payloadPrefix + percentEncode(entry.path.bytes) + [10]
        }
        return out
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    private static func percentEncode(_ name: [UInt8]) -> [UInt8] {
        name.flatMap { byte -> [UInt8] in
            switch byte {
            case UInt8(ascii: "%"): Array("%25".utf8)
            case 10: Array("%0A".utf8)
            case 13: Array("%0D".utf8)
            default: [byte]
            }
        }
    }

    static func percentDecode(_ name: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var index = 0
        while index < name.count {
            if name[index] == UInt8(ascii: "%") {
                guard index + 2 < name.count,
                    let value = Hex.decode(String(decoding: name[(index + 1)...(index + 2)], as: UTF8.self))?.first
                else { return nil }
                out.append(value)
                index += 3
            } else {
                out.append(name[index])
                index += 1
            }
        }
        return out
    }
}
