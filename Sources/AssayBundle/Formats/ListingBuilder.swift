import AssayCrypto

/// Collects the file rows of a line-oriented manifest (sha256sum, BSD, BagIt, hashdeep), checking each one and
/// naming the line of any problem.
struct ListingBuilder {
    let file: String
    let format: ManifestFormat
    private(set) var algorithm: DigestAlgorithm?
    private var entries: [BundleEntry] = []
    private var lineOfPath: [EntryPath: Int] = [:]

    init(file: String, format: ManifestFormat, algorithm: DigestAlgorithm?) {
        self.file = file
        self.format = format
        self.algorithm = algorithm
    }

    /// The text lines of a manifest with their 1-based numbers; a trailing CR is dropped, blank lines skipped.
    static func lines(_ bytes: [UInt8]) -> [(number: Int, bytes: [UInt8])] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated().compactMap {
            index, line in
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            return trimmed.isEmpty ? nil : (index + 1, Array(trimmed))
        }
    }

    func malformed(_ line: Int, _ reason: String) -> BundleError {
        .malformedManifest(file: file, line: line, reason: reason)
    }

    /// Adds one file row; `algorithm` is the line's own (BSD tags) or `nil` to infer it from the digest length.
    mutating func add(
        line: Int, path raw: [UInt8], hex: [UInt8], size: UInt64? = nil, algorithm lineAlgorithm: DigestAlgorithm? = nil
    ) throws(BundleError) {
        let hexText = String(decoding: hex, as: UTF8.self)
        let chosen = try resolveAlgorithm(line: line, lineAlgorithm: lineAlgorithm, hexLength: hex.count)
        guard let digest = Digest(algorithm: chosen, hex: hexText) else {
            throw malformed(
                line, "'\(hexText)' is not a \(chosen.rawValue) digest (\(chosen.outputByteCount * 2) hex digits)")
        }
        guard case .path(let path) = PathSafety.normalize(raw) else {
            throw malformed(line, "path '\(EntryPath(bytes: raw))' is empty, absolute or has a '..' component")
        }
        if let first = lineOfPath.updateValue(line, forKey: path) {
            throw malformed(line, "duplicate path '\(path)' (first on line \(first))")
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
        let inferred = lineAlgorithm ?? Self.algorithm(forHexLength: hexLength)
        guard let inferred else { throw malformed(line, "cannot tell the algorithm of a \(hexLength)-digit digest") }
        algorithm = inferred
        return inferred
    }

    /// The usual algorithm for a digest length: 64 → SHA-256, 96 → SHA-384, 128 → SHA-512.
    static func algorithm(forHexLength length: Int) -> DigestAlgorithm? {
        switch length {
        case 64: .sha256
        case 96: .sha384
        case 128: .sha512
        default: nil
        }
    }

    /// The files-only manifest; an empty listing needs an algorithm given by the caller.
    func build() throws(BundleError) -> Manifest {
        // An empty listing claims nothing, so every bundle would "match" it (sha256sum -c refuses it too).
        guard let algorithm, !entries.isEmpty else { throw malformed(1, "no digest lines") }
        return try Manifest(algorithm: algorithm, coverage: .filesOnly, source: format.rawValue, entries: entries)
    }
}
