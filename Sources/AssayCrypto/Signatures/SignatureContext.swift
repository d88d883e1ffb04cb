internal import COpenSSL

/// Owns one `EVP_MD_CTX` for a single one-shot signing or verification.
final class SignatureContext {
    private let context: OpaquePointer

    init() throws(CryptoError) {
        guard let context = EVP_MD_CTX_new() else { throw CryptoError.openSSL("EVP_MD_CTX_new") }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Signs `message` with `key` over `digest` (`nil` for Ed25519).
    func sign(_ message: [UInt8], key: EVPKey, digest: DigestAlgorithm?) throws(CryptoError) -> [UInt8] {
        let md = try digest?.evpMD
        guard EVP_DigestSignInit(context, nil, md, nil, key.pointer) == 1 else {
            throw CryptoError.openSSL("EVP_DigestSignInit")
        }
        var length = 0
        guard EVP_DigestSign(context, nil, &length, message, message.count) == 1 else {
            throw CryptoError.openSSL("EVP_DigestSign")
        }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else {
            throw CryptoError.openSSL("EVP_DigestSign")
        }
        return Array(signature.prefix(length))
    }

    /// Whether `signature` is valid for `message` under `key` over `digest` (`nil` for Ed25519).
    func verify(_ signature: [UInt8], message: [UInt8], key: EVPKey, digest: DigestAlgorithm?) throws(CryptoError)
        -> Bool
    {
        let md = try digest?.evpMD
        guard EVP_DigestVerifyInit(context, nil, md, nil, key.pointer) == 1 else {
            throw CryptoError.openSSL("EVP_DigestVerifyInit")
        }
        let result = EVP_DigestVerify(context, signature, signature.count, message, message.count)
        // 0 is a bad signature, a negative value a malformed one; both mean "not valid".
        ERR_clear_error()
        return result == 1
    }
}
