import AssayBundle
import AssayProvenance

/// Decides whether the sources a piece of evidence names tie it to a deposit: a source digest must be the digest
/// of a file in the deposit's manifest, or the deposit's bundle digest.
struct SourceLinking {
    private let algorithm: String
    private let known: Set<String>

    /// Reads the digests a deposit can be named by.
    init(manifest: Manifest, bundleDigest: String) {
        algorithm = manifest.algorithm.rawValue
        var known: Set<String> = [bundleDigest.lowercased()]
        for entry in manifest.entries {
            if let digest = entry.digest { known.insert(digest.hex) }
        }
        self.known = known
    }

    /// The link state of a claim's sources.
    func link(_ sources: [DigestedName]) -> SourceLink {
        let named = sources.compactMap { $0.digests[algorithm] ?? $0.sha256 }
        guard !sources.allSatisfy({ $0.digests.isEmpty }) else { return .noSourceLink }
        return named.contains(where: known.contains) ? .linked : .sourceMismatch
    }
}
