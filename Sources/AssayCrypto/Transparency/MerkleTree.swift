/// RFC 6962 / RFC 9162 Merkle tree hashing with SHA-256, as transparency logs (Certificate Transparency, Rekor)
/// use it: leaves are hashed as `SHA-256(0x00 || entry)`, interior nodes as `SHA-256(0x01 || left || right)`.
public enum MerkleTree {
    /// Why an inclusion proof cannot be evaluated.
    public enum ProofError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The leaf index is not below the tree size.
        case indexOutOfRange(index: UInt64, size: UInt64)
        /// The proof has more or fewer hashes than a path from this leaf to the root of this tree needs.
        case wrongLength(expected: Int, actual: Int)
        /// A proof hash is not 32 bytes long.
        case badHashLength(position: Int)
        /// OpenSSL failed to hash.
        case crypto(CryptoError)

        public var description: String {
            switch self {
            case .indexOutOfRange(let index, let size): "leaf index \(index) is not below the tree size \(size)"
            case .wrongLength(let expected, let actual):
                "the proof has \(actual) hashes, a path for this index and tree size needs \(expected)"
            case .badHashLength(let position): "proof hash \(position) is not 32 bytes"
            case .crypto(let error): error.description
            }
        }
    }

    /// The leaf hash of a log entry: `SHA-256(0x00 || entry)`.
    public static func leafHash(_ entry: [UInt8]) throws(CryptoError) -> [UInt8] {
        try DigestContext.digest([0x00] + entry, using: .sha256).bytes
    }

    /// The hash of an interior node: `SHA-256(0x01 || left || right)`.
    public static func nodeHash(_ left: [UInt8], _ right: [UInt8]) throws(CryptoError) -> [UInt8] {
        try DigestContext.digest([0x01] + left + right, using: .sha256).bytes
    }

    /// The root hash an inclusion proof (audit path) leads to from `leafHash` at `index` in a tree of `size`
    /// leaves, computed as RFC 9162 §2.1.3.2 verifies it; the caller compares it with the root it trusts.
    public static func root(
        fromLeafHash leafHash: [UInt8], index: UInt64, size: UInt64, proof: [[UInt8]]
    ) throws(ProofError) -> [UInt8] {
        guard index < size else { throw .indexOutOfRange(index: index, size: size) }
        if let position = proof.firstIndex(where: { $0.count != 32 }) { throw .badHashLength(position: position) }
        // Inner part: the levels where the leaf's path and the tree's last leaf's path differ.
        let inner = 64 - (index ^ (size - 1)).leadingZeroBitCount
        let border = (index >> UInt64(inner)).nonzeroBitCount
        guard proof.count == inner + border else { throw .wrongLength(expected: inner + border, actual: proof.count) }
        do {
            var hash = leafHash
            for (level, sibling) in proof.prefix(inner).enumerated() {
                hash = try (index >> UInt64(level)) & 1 == 0 ? nodeHash(hash, sibling) : nodeHash(sibling, hash)
            }
            for sibling in proof.dropFirst(inner) { hash = try nodeHash(sibling, hash) }
            return hash
        } catch {
            throw .crypto(error)
        }
    }
}
