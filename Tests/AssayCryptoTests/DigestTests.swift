import AssayCrypto
import Testing

@Suite struct DigestTests {
    @Test func emptySHA256() throws {
        let digest = try DigestContext.digest([UInt8](), using: .sha256)
        #expect(digest.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test(arguments: DigestAlgorithm.allCases)
    func outputLength(algorithm: DigestAlgorithm) throws {
        let digest = try DigestContext.digest(Array("abc".utf8), using: algorithm)
        #expect(digest.bytes.count == algorithm.outputByteCount)
    }

    @Test func userSpellings() {
        #expect(DigestAlgorithm(userInput: "SHA-256") == .sha256)
        #expect(DigestAlgorithm(userInput: "sha3_256") == .sha3_256)
        #expect(DigestAlgorithm(userInput: "BLAKE2b512") == .blake2b512)
        #expect(DigestAlgorithm(userInput: "md5") == nil)
    }
}
