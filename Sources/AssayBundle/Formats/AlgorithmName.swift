public import AssayCrypto

extension DigestAlgorithm {
    /// Parses a user-supplied algorithm name (`sha256`, `SHA-256`, `sha3_256`, `blake2b512`…), or throws
    /// ``BundleError/unknownAlgorithm(name:)`` listing the supported ones.
    public static func named(_ name: String) throws(BundleError) -> DigestAlgorithm {
        guard let algorithm = DigestAlgorithm(userInput: name) else { throw BundleError.unknownAlgorithm(name: name) }
        return algorithm
    }
}
