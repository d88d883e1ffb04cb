internal import COpenSSL

/// Owns one OpenSSL `EVP_PKEY` (public or private) for signing and verification.
///
/// `@unchecked Sendable`: the key is never modified after `init`, and OpenSSL 3 allows concurrent
/// signing and verification with one unmodified `EVP_PKEY`.
final class EVPKey: @unchecked Sendable {
    let pointer: OpaquePointer
    let type: SignatureKeyType

    /// Decodes a DER SubjectPublicKeyInfo.
    convenience init(publicDER der: [UInt8]) throws(CryptoError) {
        try self.init(der: der, what: "SubjectPublicKeyInfo", decoder: { d2i_PUBKEY(nil, $0, $1) })
    }

    /// Decodes a DER private key, PKCS#8 or the traditional RSA/EC forms.
    convenience init(privateDER der: [UInt8]) throws(CryptoError) {
        try self.init(der: der, what: "private key", decoder: { d2i_AutoPrivateKey(nil, $0, $1) })
    }

    private init(
        der: [UInt8],
        what: String,
        decoder: (UnsafeMutablePointer<UnsafePointer<UInt8>?>, Int) -> OpaquePointer?
    ) throws(CryptoError) {
        let key: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            guard let base = buffer.baseAddress, let key = decoder(&cursor, buffer.count) else { return nil }
            guard cursor == base + buffer.count else {
                EVP_PKEY_free(key)
                return nil
            }
            return key
        }
        ERR_clear_error()
        guard let key else { throw CryptoError.malformedKey("the data is not a DER \(what)") }
        do {
            type = try SignatureKeyType(key)
        } catch {
            EVP_PKEY_free(key)
            throw error
        }
        pointer = key
    }

    deinit { EVP_PKEY_free(pointer) }

    /// The DER SubjectPublicKeyInfo of the key (for a private key, of its public half).
    func publicKeyDER() throws(CryptoError) -> [UInt8] {
        let length = i2d_PUBKEY(pointer, nil)
        guard length > 0 else { throw CryptoError.openSSL("i2d_PUBKEY") }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return i2d_PUBKEY(pointer, &cursor)
        }
        guard written == length else { throw CryptoError.openSSL("i2d_PUBKEY") }
        return der
    }
}
