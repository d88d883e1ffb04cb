import AssayCrypto
import Testing

@Suite struct HMACTests {
    /// RFC 4231 test cases 1 and 2, and the empty key.
    @Test(arguments: [
        (
            [UInt8](repeating: 0x0b, count: 20), "Hi There",
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        (
            Array("Jefe".utf8), "what do ya want for nothing?",
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        ([], "", "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"),
    ])
    func knownAnswers(key: [UInt8], message: String, expected: String) throws {
        #expect(try HMACSHA256.hex(key: key, message: Array(message.utf8)) == expected)
    }
}
