import AssayBundle
import AssayProvenance

/// The flag that changes a library error's outcome, added to its message: the libraries say what was exceeded or is
/// missing, and only the command line knows which flag gives it.
enum FlagHint {
    /// The hint for `error`, such as `--max-entries raises it`; `nil` when no flag helps.
    static func hint(for error: any Error) -> String? {
        switch error {
        case BundleError.limitExceeded(_, let limit, _):
            limit == "entries" ? "--max-entries raises it" : limit.hasSuffix("bytes") ? "--max-bytes raises it" : nil
        case BundleError.algorithmMismatch(let expected, _): "--algorithm \(expected)"
        case ProvenanceError.missingTrust(_, .trustedRoot): "--trusted-root ROOT"
        case ProvenanceError.missingTrust(_, .publicKey): "--key PUB"
        case ProvenanceError.missingTrust(_, .signerIdentity): "--identity SAN --issuer URL"
        case ProvenanceError.bundle(let inner): hint(for: inner)
        default: nil
        }
    }
}
