import AssayCrypto

/// The checksum fields of a Debian `.dsc` or `.changes` file: `Checksums-Sha512`, `Checksums-Sha256`,
/// `Checksums-Sha1` and `Files` (MD5), each one ` hex size name` line per file after the field name (`Files` in a
/// `.changes` has section and priority columns before the name). Every field present is read and checked.
///
/// In an OpenPGP clear-signed file only the signed text counts (see ``Deb822``); the signature itself is not
/// verified here. Lines other than the checksums fields are not parsed, so a loosely written `.dsc` still reads.
enum DebianControlFormat {
    /// The fields read, strongest algorithm first; names compare case-insensitively, as in deb822.
    static let fields: [(name: String, algorithm: DigestAlgorithm)] = [
        ("Checksums-Sha512", .sha512), ("Checksums-Sha256", .sha256), ("Checksums-Sha1", .sha1), ("Files", .md5),
    ]

    /// Whether the text has a checksums field Assay reads.
    static func matches(_ bytes: [UInt8]) -> Bool {
        ListingBuilder.lines(bytes).contains { field(named: $0.bytes) != nil }
    }

    /// Reads every checksums field into its own listing, strongest algorithm first.
    static func read(_ bytes: [UInt8], file: String) throws(BundleError) -> [ListingBuilder] {
        var listings: [ListingBuilder] = []
        var current: Int?
        for (number, line) in try Deb822.signedText(bytes, file: file).lines {
            if line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t") {
                guard let index = current else { continue }
                try add(line, number: number, to: &listings[index])
                continue
            }
            current = nil
            guard let field = field(named: line) else { continue }
            guard !listings.contains(where: { $0.named == field.algorithm }) else {
                throw BundleError.malformedManifest(file: file, line: number, reason: "field \(field.name) repeated")
            }
            listings.append(ListingBuilder(file: file, format: .debian, hint: nil, named: field.algorithm))
            current = listings.count - 1
        }
        return listings.sorted { lhs, rhs in
            (fields.firstIndex { $0.algorithm == lhs.named } ?? 0)
                < (fields.firstIndex { $0.algorithm == rhs.named } ?? 0)
        }
    }

    private static func add(_ line: [UInt8], number: Int, to listing: inout ListingBuilder) throws(BundleError) {
        let columns = line.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        let isFiles = listing.named == .md5
        guard columns.count == 3 || (isFiles && columns.count == 5),
            let size = UInt64(String(decoding: columns[1], as: UTF8.self))
        else {
            let name = fields.first { $0.algorithm == listing.named }?.name ?? "checksums"
            throw listing.malformed(number, "expected ' digest size name' in \(name)")
        }
        try listing.add(line: number, path: Array(columns[columns.count - 1]), hex: Array(columns[0]), size: size)
    }

    /// The field a line opens (`Checksums-Sha256:` with nothing after the colon), or `nil`.
    private static func field(named line: [UInt8]) -> (name: String, algorithm: DigestAlgorithm)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")),
            line[(colon + 1)...].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        else { return nil }
        let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
        return fields.first { $0.name.lowercased() == name }
    }
}
