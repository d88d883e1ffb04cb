/// A private key for making detached signatures (audit-log checkpoints): Ed25519, ECDSA P-256/P-384, or RSA.
///
/// Signatures verify with ``PublicKey/verify(signature:message:)`` and with the OpenSSL command line:
/// `openssl pkeyutl -verify -rawin` for Ed25519, `openssl dgst -sha256 -verify` for ECDSA and RSA.
public struct PrivateKey: Sendable {
    /// The key type.
    public let type: SignatureKeyType
    /// The matching public key.
    public let publicKey: PublicKey
    private let key: EVPKey

    /// Loads an unencrypted private key from PEM (`PRIVATE KEY`, `EC PRIVATE KEY`, `RSA PRIVATE KEY`) or DER.
    ///
    /// - Throws: ``CryptoError/malformedKey(_:)`` for encrypted keys or data that is not a private key,
    ///   ``CryptoError/unsupportedKey(_:)`` for other key types.
    public init(bytes: [UInt8]) throws(CryptoError) {
        let key = try EVPKey(privateDER: KeyPEM.der(from: bytes, wanting: .privateKey))
        self.key = key
        type = key.type
        publicKey = try PublicKey(key: key)
    }

    /// Signs `message`: Ed25519 over the message itself, ECDSA (DER-encoded) and RSA over its SHA-256.
    public func sign(message: [UInt8]) throws(CryptoError) -> [UInt8] {
        try SignatureContext().sign(message, key: key, digest: type.digests.first)
    }
}
