/// DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) for keys that metadata gives as raw numbers, so that OpenSSL can
/// load them: RSA from its modulus and exponent (RFC 8017 §A.1.1), Ed25519 from its 32 raw bytes (RFC 8410 §4).
enum KeyDER {
    /// SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING (0 unused bits) }, before the 32 key bytes.
    static let ed25519Prefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]
    /// AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }.
    private static let rsaAlgorithm: [UInt8] = [
        0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01, 0x05, 0x00,
    ]

    /// The SubjectPublicKeyInfo of an RSA key.
    static func rsa(modulus: [UInt8], exponent: [UInt8]) -> [UInt8] {
        let key = element(0x30, integer(modulus) + integer(exponent))
        return element(0x30, rsaAlgorithm + element(0x03, [0x00] + key))
    }

    /// An unsigned INTEGER: leading zeros removed, one zero added when the top bit is set.
    private static func integer(_ bytes: [UInt8]) -> [UInt8] {
        var value = Array(bytes.drop { $0 == 0 })
        if value.isEmpty || value[0] & 0x80 != 0 { value.insert(0, at: 0) }
        return element(0x02, value)
    }

    private static func element(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        let count = content.count
        guard count >= 0x80 else { return [tag, UInt8(count)] + content }
        let length = withUnsafeBytes(of: UInt32(count).bigEndian) { Array($0) }.drop { $0 == 0 }
        return [tag, 0x80 | UInt8(length.count)] + length + content
    }
}
