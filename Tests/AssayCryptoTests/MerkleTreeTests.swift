import AssayCrypto
import Testing

@Suite("RFC 6962 Merkle inclusion proofs")
struct MerkleTreeTests {
    /// The root of leaves by RFC 6962 §2.1's definition (split at the largest power of two below n).
    static func root(_ leaves: ArraySlice<[UInt8]>) throws -> [UInt8] {
        if leaves.count == 1, let only = leaves.first { return only }
        let split = 1 << (Int.bitWidth - (leaves.count - 1).leadingZeroBitCount - 1)
        let start = leaves.startIndex
        return try MerkleTree.nodeHash(
            root(leaves[start..<(start + split)]), root(leaves[(start + split)...]))
    }

    /// The audit path of leaf m by RFC 6962 §2.1.1's definition.
    static func path(_ m: Int, _ leaves: ArraySlice<[UInt8]>) throws -> [[UInt8]] {
        guard leaves.count > 1 else { return [] }
        let split = 1 << (Int.bitWidth - (leaves.count - 1).leadingZeroBitCount - 1)
        let start = leaves.startIndex
        let left = leaves[start..<(start + split)]
        let right = leaves[(start + split)...]
        return m < split ? try path(m, left) + [root(right)] : try path(m - split, right) + [root(left)]
    }

    @Test("every leaf of trees of 1 to 13 leaves proves to the tree's root; other indexes and sizes do not")
    func proofs() throws {
        for size in 1...13 {
            let leaves = try (0..<size).map { try MerkleTree.leafHash([UInt8(truncatingIfNeeded: $0), 0x42]) }
            let expected = try Self.root(leaves[...])
            for index in 0..<size {
                let proof = try Self.path(index, leaves[...])
                let root = try MerkleTree.root(
                    fromLeafHash: leaves[index], index: UInt64(index), size: UInt64(size), proof: proof)
                #expect(root == expected, "size \(size) index \(index)")
                if size > 1 {
                    let other = (index + 1) % size
                    let wrong = try? MerkleTree.root(
                        fromLeafHash: leaves[index], index: UInt64(other), size: UInt64(size), proof: proof)
                    #expect(wrong != expected, "size \(size) index \(index) proved at \(other)")
                }
            }
        }
    }

    @Test("an index beyond the tree or a proof of the wrong length is refused")
    func refused() throws {
        let leaf = try MerkleTree.leafHash([1])
        #expect(throws: MerkleTree.ProofError.indexOutOfRange(index: 3, size: 3)) {
            try MerkleTree.root(fromLeafHash: leaf, index: 3, size: 3, proof: [])
        }
        #expect(throws: MerkleTree.ProofError.wrongLength(expected: 2, actual: 1)) {
            try MerkleTree.root(fromLeafHash: leaf, index: 0, size: 3, proof: [leaf])
        }
    }
}
