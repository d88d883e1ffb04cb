import AssayCrypto

/// An SPDX document read as a manifest for `bundle verify`: its files are the entries, paths relative to the
/// package root (`./src/hello.c` is `src/hello.c`).
///
/// The listing is in the strongest algorithm every file has a checksum in (SPDX 2.x requires SHA-1 of every
/// file), with a listing per stronger algorithm for the files that have it as alternates, so each file is checked
/// with its strongest checksum. A package verification code that does not match the files' SHA-1s is a warning
/// finding of the manifest (real SBOMs get it wrong; each file's own checksum still decides).
enum SPDXManifest {
    /// Algorithms from strongest to weakest.
    private static let strength: [DigestAlgorithm] = [
        .sha512, .sha3_512, .blake2b512, .sha384, .sha3_256, .sha256, .sha1, .md5,
    ]

    static func manifest(_ bytes: [UInt8], file: String, hint: DigestAlgorithm?) throws(BundleError) -> Manifest {
        let document = try SPDXDocument.parse(bytes, file: file)
        guard !document.files.isEmpty else {
            throw BundleError.invalidManifest(file: file, field: "files", reason: "the document lists no files")
        }
        let usable = document.files.map { file in Set(file.checksums.compactMap(\.digestAlgorithm)) }
        let common = strength.filter { algorithm in usable.allSatisfy { $0.contains(algorithm) } }
        guard let primary = hint ?? common.first else {
            let bare = document.files[usable.firstIndex { $0.isEmpty } ?? 0]
            throw BundleError.invalidManifest(
                file: file, field: bare.name, reason: "no checksum in an algorithm all files share")
        }
        let stronger = strength.prefix { $0 != primary }.filter { algorithm in
            usable.contains { $0.contains(algorithm) }
        }
        var listings: [ListingBuilder] = []
        for algorithm in [primary] + stronger {
            var listing = ListingBuilder(file: file, format: .spdx, hint: nil, named: algorithm)
            for (index, entry) in document.files.enumerated() {
                guard let checksum = entry.checksums.first(where: { $0.digestAlgorithm == algorithm }) else {
                    if algorithm == primary {
                        throw BundleError.algorithmMismatch(
                            expected: common.first?.rawValue ?? "", actual: primary.rawValue)
                    }
                    continue
                }
                let path = SPDXDocument.relative(entry.name)
                try listing.add(line: entry.line ?? index + 1, path: Array(path.utf8), hex: Array(checksum.hex.utf8))
            }
            listings.append(listing)
        }
        let alternates = try listings.dropFirst().map { listing throws(BundleError) in try listing.build() }
        return try listings[0].build(alternates: Array(alternates), findings: try findings(document))
    }

    /// A warning per package whose stated verification code is not the one its files' SHA-1s give.
    static func findings(_ document: SPDXDocument) throws(BundleError) -> [BundleFinding] {
        do {
            return try document.verificationCodeMismatches().map { BundleFinding(.verificationCode, .warning, path: nil, $0) }
        } catch {
            throw .crypto(error)
        }
    }
}
