import AssayCrypto

/// BagIt payload manifests (RFC 8493 §2.1.3): `hex  data/name` per line, `%`, CR and LF percent-encoded.
///
/// Assay verifies the payload, so `data/` is removed on reading and added on writing.
enum BagItFormat {
    private static let payloadPrefix = Array("data/".utf8)

    static func read(_ bytes: [UInt8], into builder: inout ListingBuilder) throws(BundleError) {
        for (number, line) in ListingBuilder.lines(bytes) {
            guard let gap = line.firstIndex(where: isBlank),
                let nameStart = line[gap...].firstIndex(where: { !isBlank($0) })
            else { throw builder.malformed(number, "expected 'digest  data/name'") }
            guard let name = percentDecode(Array(line[nameStart...])) else {
                throw builder.malformed(number, "bad percent-encoding in name")
            }
            guard name.starts(with: payloadPrefix) else {
                throw builder.malformed(number, "name does not start with 'data/'")
            }
            try builder.add(line: number, path: Array(name.dropFirst(payloadPrefix.count)), hex: Array(line[..<gap]))
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

    private static func percentDecode(_ name: [UInt8]) -> [UInt8]? {
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
