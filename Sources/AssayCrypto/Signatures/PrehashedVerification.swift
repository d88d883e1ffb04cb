internal import COpenSSL

extension PublicKey {
    /// Whether `signature` is a valid ECDSA or RSA (PKCS#1 v1.5) signature over a message whose digest is given,
    /// as Sigstore verifies a message signature from the artefact's SHA-256 alone.
    ///
    /// Ed25519 signs the message itself, so a digest cannot be checked: the answer is `false`.
    public func verify(signature: [UInt8], digest: Digest) throws(CryptoError) -> Bool {
        guard type != .ed25519 else { return false }
        guard let context = EVP_PKEY_CTX_new(key.pointer, nil) else { throw CryptoError.openSSL("EVP_PKEY_CTX_new") }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_verify_init(context) == 1 else { throw CryptoError.openSSL("EVP_PKEY_verify_init") }
        guard EVP_PKEY_CTX_set_signature_md(context, try digest.algorithm.evpMD) == 1 else {
            throw CryptoError.openSSL("EVP_PKEY_CTX_set_signature_md")
        }
        let result = EVP_PKEY_verify(context, signature, signature.count, digest.bytes, digest.bytes.count)
        ERR_clear_error()
        return result == 1
    }
}
