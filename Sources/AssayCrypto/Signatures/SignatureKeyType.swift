internal import COpenSSL

/// The key types that detached signatures use, and the digests each signs over.
public enum SignatureKeyType: String, Sendable, Codable, CaseIterable {
    /// Ed25519 (pure EdDSA over the message, as `openssl pkeyutl -sign -rawin`).
    case ed25519 = "Ed25519"
    /// ECDSA on NIST P-256, DER signature over SHA-256 (as `openssl dgst -sha256 -sign`).
    case ecdsaP256 = "ECDSA-P256"
    /// ECDSA on NIST P-384, DER signature over SHA-256; verification also accepts SHA-384.
    case ecdsaP384 = "ECDSA-P384"
    /// RSA PKCS#1 v1.5 over SHA-256 (as `openssl dgst -sha256 -sign`).
    case rsa = "RSA"

    /// Digests a signature by this key type may use, preferred first; empty for Ed25519, which hashes itself.
    var digests: [DigestAlgorithm] {
        switch self {
        case .ed25519: []
        case .ecdsaP256, .rsa: [.sha256]
        case .ecdsaP384: [.sha256, .sha384]
        }
    }

    init(_ key: OpaquePointer) throws(CryptoError) {
        switch EVP_PKEY_get_base_id(key) {
        case EVP_PKEY_ED25519: self = .ed25519
        case EVP_PKEY_RSA: self = .rsa
        case EVP_PKEY_EC:
            var name = [CChar](repeating: 0, count: 64)
            var length = 0
            guard EVP_PKEY_get_group_name(key, &name, name.count, &length) == 1 else {
                throw CryptoError.unsupportedKey("EC with explicit curve parameters")
            }
            let curve = String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            switch curve {
            case "prime256v1", "P-256": self = .ecdsaP256
            case "secp384r1", "P-384": self = .ecdsaP384
            default: throw CryptoError.unsupportedKey("EC \(curve)")
            }
        default:
            let name = EVP_PKEY_get0_type_name(key).map { String(cString: $0) } ?? "unknown"
            throw CryptoError.unsupportedKey(name)
        }
    }
}
