import AssayCrypto

/// Collects the file rows of a line-oriented manifest (sha256sum, BSD, BagIt, hashdeep), checking each one and
/// naming the line of any problem.
///
/// The algorithm is the one the manifest names (a BSD tag, a hashdeep column, a `.dsc` field, a BagIt file name),
/// else the one its digest length implies; `hint` only chooses between algorithms of equal digest length
/// (SHA-256 and SHA3-256), and a manifest naming another algorithm than the hint is an algorithm mismatch.
struct ListingBuilder {
    let file: String
    let format: ManifestFormat
    /// The algorithm the caller expects, if any.
    let hint: DigestAlgorithm?
    /// The algorithm named outside the lines (a BagIt `manifest-<alg>.txt` file name), applied to every line.
    let named: DigestAlgorithm?
    private(set) var algorithm: DigestAlgorithm?
    private var entries: [BundleEntry] = []
    private var lineOfPath: [EntryPath: Int] = [:]

    init(file: String, format: ManifestFormat, hint: DigestAlgorithm?, named: DigestAlgorithm? = nil) {
        self.file = file
        self.format = format
        self.hint = hint
        self.named = named
    }

    /// The text lines of a manifest with their 1-based numbers; a trailing CR is dropped, blank lines skipped.
    static func lines(_ bytes: [UInt8]) -> [(number: Int, bytes: [UInt8])] {
        records(bytes, separator: UInt8(ascii: "\n")).map { number, line in
            (number, line.last == UInt8(ascii: "\r") ? Array(line.dropLast()) : line)
        }.filter { !$0.bytes.isEmpty }
    }

    /// The records of a manifest split on `separator`, with their 1-based numbers; empty records skipped.
    static func records(_ bytes: [UInt8], separator: UInt8) -> [(number: Int, bytes: [UInt8])] {
        bytes.split(separator: separator, omittingEmptySubsequences: false).enumerated().compactMap { index, record in
            record.isEmpty ? nil : (index + 1, Array(record))
        }
    }

    func malformed(_ line: Int, _ reason: String) -> BundleError {
        .malformedManifest(file: file, line: line, reason: reason)
    }

    /// Manifest bytes quoted in a message: control characters and bytes that are not UTF-8 shown as `\xHH`, so an
    /// error line never carries a NUL, a line break or a terminal escape.
    static func quoted(_ bytes: some Collection<UInt8>) -> String {
        EntryPath(bytes: Array(bytes)).description.unicodeScalars.map { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F
                ? "\\x" + Hex.encode([UInt8(scalar.value)]) : String(scalar)
        }.joined()
    }

    /// Adds one file row; `algorithm` is the line's own (BSD tags) or `nil` to infer it from the digest length.
    mutating func add(
        line: Int, path raw: [UInt8], hex: [UInt8], size: UInt64? = nil, algorithm lineAlgorithm: DigestAlgorithm? = nil
    ) throws(BundleError) {
        let chosen = try resolveAlgorithm(line: line, lineAlgorithm: lineAlgorithm ?? named, hexLength: hex.count)
        guard let digest = Digest(algorithm: chosen, hex: String(decoding: hex, as: UTF8.self)) else {
            throw malformed(
                line,
                "'\(Self.quoted(hex))' is not a \(chosen.rawValue) digest (\(chosen.outputByteCount * 2) hex digits)")
        }
        guard case .path(let path) = PathSafety.normalize(raw) else {
            throw malformed(
                line, "path '\(Self.quoted(raw))' is empty or absolute, or has a '..' component or a NUL byte")
        }
        if let first = lineOfPath.updateValue(line, forKey: path) {
            throw malformed(line, "duplicate path '\(Self.quoted(path.bytes))' (first on line \(first))")
        }
        entries.append(BundleEntry(path: path, type: .file, size: size, digest: digest))
    }

    private mutating func resolveAlgorithm(
        line: Int, lineAlgorithm: DigestAlgorithm?, hexLength: Int
    ) throws(BundleError) -> DigestAlgorithm {
        if let current = algorithm {
            if let lineAlgorithm, lineAlgorithm != current {
                throw malformed(line, "algorithm \(lineAlgorithm.rawValue) differs from \(current.rawValue) used above")
            }
            return current
        }
        let inferred = lineAlgorithm ?? Self.algorithm(forHexLength: hexLength, preferring: hint)
        algorithm = inferred
        return inferred
    }

    /// The algorithm for a digest length: `preferred` when its digests have that length, else the usual one
    /// (64 → SHA-256, 96 → SHA-384, 128 → SHA-512); for any other length `preferred` or SHA-256, so that the digest
    /// is refused as "not a SHA-256 digest".
    static func algorithm(forHexLength length: Int, preferring preferred: DigestAlgorithm?) -> DigestAlgorithm {
        if let preferred, preferred.outputByteCount * 2 == length { return preferred }
        switch length {
        case 64: return .sha256
        case 96: return .sha384
        case 128: return .sha512
        default: return preferred ?? .sha256
        }
    }

    /// The files-only manifest; refuses an empty listing and one whose algorithm is not the hint.
    func build(alternates: [Manifest] = [], findings: [BundleFinding] = []) throws(BundleError) -> Manifest {
        // An empty listing claims nothing, so every bundle would "match" it (sha256sum -c refuses it too).
        guard let algorithm, !entries.isEmpty else { throw malformed(1, "no digest lines") }
        if let hint, hint != algorithm {
            throw BundleError.algorithmMismatch(expected: algorithm.rawValue, actual: hint.rawValue)
        }
        return try Manifest(
            algorithm: algorithm, coverage: .filesOnly, source: format.rawValue, entries: entries, findings: findings,
            alternates: alternates)
    }

    /// One manifest from listings of the same files in several algorithms (strongest first): the `hint`'s listing,
    /// or the strongest, with the others as its ``Manifest/alternates``.
    static func combined(_ listings: [ListingBuilder], file: String, hint: DigestAlgorithm?) throws(BundleError)
        -> Manifest
    {
        guard let strongest = listings.first else {
            throw BundleError.malformedManifest(file: file, line: 1, reason: "no checksums field")
        }
        guard let primary = hint.map({ hint in listings.firstIndex { $0.named == hint } }) ?? 0 else {
            throw BundleError.algorithmMismatch(
                expected: strongest.named?.rawValue ?? "", actual: hint?.rawValue ?? "")
        }
        var alternates: [Manifest] = []
        for (index, listing) in listings.enumerated() where index != primary {
            alternates.append(try listing.build())
        }
        return try listings[primary].build(alternates: alternates)
    }
}
