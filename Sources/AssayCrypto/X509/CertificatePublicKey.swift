internal import COpenSSL

/// The subject public key of a certificate: algorithm, family and size.
public struct CertificatePublicKey: Hashable, Sendable {
    /// The algorithm as written in the certificate (`rsaEncryption`, `id-ecPublicKey`, `ED25519`, or a dotted OID).
    public let algorithm: String
    /// The key family, when OpenSSL can decode the key.
    public let type: KeyType?
    /// The key size in bits (the modulus for RSA and DSA, the field size for EC); `nil` when unknown.
    public let bits: Int?

    /// Key families that matter for strength checks.
    public enum KeyType: String, Sendable, Codable {
        case rsa = "RSA"
        case rsaPSS = "RSA-PSS"
        case dsa = "DSA"
        case ec = "EC"
        case ed25519 = "Ed25519"
        case ed448 = "Ed448"
        case x25519 = "X25519"
        case x448 = "X448"
        case other
    }

    init(algorithm: String, key: OpaquePointer?) {
        self.algorithm = algorithm
        guard let key else {
            type = nil
            bits = nil
            return
        }
        let size = EVP_PKEY_get_bits(key)
        bits = size > 0 ? Int(size) : nil
        type =
            switch EVP_PKEY_get_base_id(key) {
            case EVP_PKEY_RSA: .rsa
            case EVP_PKEY_RSA_PSS: .rsaPSS
            case EVP_PKEY_DSA: .dsa
            case EVP_PKEY_EC: .ec
            case EVP_PKEY_ED25519: .ed25519
            case EVP_PKEY_ED448: .ed448
            case EVP_PKEY_X25519: .x25519
            case EVP_PKEY_X448: .x448
            default: .other
            }
    }
}
