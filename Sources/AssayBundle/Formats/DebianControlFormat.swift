import AssayCrypto

/// The `Checksums-Sha256:` (or `-Sha512`) field of a Debian `.dsc` or `.changes` file: one ` hex size name` line per
/// file, indented, after the field name. The OpenPGP armour around a signed file is ignored (not verified here).
enum DebianControlFormat {
    static let fields: [(name: String, algorithm: DigestAlgorithm)] = [
        ("Checksums-Sha256:", .sha256), ("Checksums-Sha512:", .sha512),
    ]

    /// Whether the text has a checksums field Assay reads.
    static func matches(_ bytes: [UInt8]) -> Bool {
        ListingBuilder.lines(bytes).contains { line in fields.contains { line.bytes == Array($0.name.utf8) } }
    }

    static func read(_ bytes: [UInt8], hint: DigestAlgorithm?, into builder: inout ListingBuilder) throws(BundleError) {
        let wanted = fields.first { $0.algorithm == hint } ?? fields[0]
        var inField = false
        for (number, line) in ListingBuilder.lines(bytes) {
            guard line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t") else {
                inField = line == Array(wanted.name.utf8)
                continue
            }
            guard inField else { continue }
            let fields = line.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            guard fields.count == 3, let size = UInt64(String(decoding: fields[1], as: UTF8.self)) else {
                throw builder.malformed(number, "expected ' digest size name' in \(wanted.name.dropLast())")
            }
            try builder.add(
                line: number, path: Array(fields[2]), hex: Array(fields[0]), size: size, algorithm: wanted.algorithm)
        }
    }
}
