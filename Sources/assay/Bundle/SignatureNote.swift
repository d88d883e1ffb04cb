/// The line printed when a detached signature is not by any of the keys it was checked with.
enum SignatureNote {
    /// `signature check FAILED: SIG is not a valid signature of FILE by KEYS`.
    static func failure(_ signature: String, over file: String, keys: String) -> String {
        "signature check FAILED: \(signature) is not a valid signature of \(file) by \(keys)"
    }
}
