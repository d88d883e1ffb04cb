import AssayCrypto

/// hashdeep's file format: `%%%% HASHDEEP-1.0`, a `%%%% size,<alg>…,filename` column header, `##` comments, then
/// `size,hash…,filename` rows. The file name is the last column and may itself hold commas; it cannot hold a newline
/// (hashdeep has no escape), so such names cannot be written.
enum HashdeepFormat {
    static let magic = "%%%% HASHDEEP-1.0"

    static func read(_ bytes: [UInt8], hint: DigestAlgorithm?, into builder: inout ListingBuilder) throws(BundleError) {
        var columns: [String]?
        var hashColumn = 0
        var algorithm: DigestAlgorithm?
        for (number, line) in ListingBuilder.lines(bytes) {
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("##") || text == magic { continue }
            if text.hasPrefix("%%%% ") {
                let names = text.dropFirst(5).split(separator: ",").map(String.init)
                guard names.first == "size", names.last == "filename" else {
                    throw builder.malformed(number, "column header must be 'size,<algorithm>…,filename'")
                }
                let usable = names.enumerated().compactMap { index, name in
                    DigestAlgorithm(userInput: name).map { (index, $0) }
                }
                guard let chosen = usable.first(where: { $0.1 == hint }) ?? usable.first else {
                    throw builder.malformed(
                        number, "no supported algorithm among columns \(names.joined(separator: ","))")
                }
                (columns, hashColumn, algorithm) = (names, chosen.0, chosen.1)
                continue
            }
            guard let columns else { throw builder.malformed(number, "row before the '%%%% size,…,filename' header") }
            let fields = line.split(
                separator: UInt8(ascii: ","), maxSplits: columns.count - 1, omittingEmptySubsequences: false)
            guard fields.count == columns.count, let size = UInt64(String(decoding: fields[0], as: UTF8.self)) else {
                throw builder.malformed(number, "expected \(columns.count) comma-separated fields starting with a size")
            }
            try builder.add(
                line: number, path: Array(fields[columns.count - 1]), hex: Array(fields[hashColumn]), size: size,
                algorithm: algorithm
            )
        }
    }

    static func write(_ manifest: Manifest) throws(BundleError) -> [UInt8] {
        let header =
            "\(magic)\n%%%% size,\(manifest.algorithm.rawValue),filename\n"
            + "## Invoked from: \(Manifest.toolVersion)\n##\n"
        var out = Array(header.utf8)
        for entry in manifest.entries where entry.type == .file {
            guard let digest = entry.digest else { continue }
            if entry.path.bytes.contains(where: { $0 == 10 || $0 == 13 }) {
                throw BundleError.unrepresentableName(
                    path: entry.path.description, format: ManifestFormat.hashdeep.rawValue)
            }
            out += Array("\(entry.size ?? 0),\(digest.hex),".utf8) + entry.path.bytes + [10]
        }
        return out
    }
}
