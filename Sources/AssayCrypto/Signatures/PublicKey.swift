/// A public key for verifying detached signatures: Ed25519, ECDSA P-256/P-384, or RSA.
///
/// Signatures are checked the way the OpenSSL command line makes them: Ed25519 over the raw message
/// (`openssl pkeyutl -sign -rawin`), ECDSA and RSA over SHA-256 (`openssl dgst -sha256 -sign`); for P-384
/// a signature over SHA-384 (`openssl dgst -sha384 -sign`) is accepted too.
public struct PublicKey: Hashable, Sendable {
    /// The key type.
    public let type: SignatureKeyType
    /// The DER SubjectPublicKeyInfo.
    public let der: [UInt8]
    /// SHA-256 over ``der``: the key's identity.
    public let fingerprint: Digest
    let key: EVPKey

    /// Loads a key from PEM (`-----BEGIN PUBLIC KEY-----`) or DER SubjectPublicKeyInfo, detected from content.
    ///
    /// - Throws: ``CryptoError/malformedKey(_:)`` for data that is not a public key (including a private key),
    ///   ``CryptoError/unsupportedKey(_:)`` for a key type other than Ed25519, ECDSA P-256/P-384 or RSA.
    public init(bytes: [UInt8]) throws(CryptoError) {
        try self.init(key: EVPKey(publicDER: KeyPEM.der(from: bytes, wanting: .publicKey)))
    }

    init(key: EVPKey) throws(CryptoError) {
        self.key = key
        type = key.type
        der = try key.publicKeyDER()
        fingerprint = try DigestContext.digest(der, using: .sha256)
    }

    /// Whether `signature` is a valid signature of `message` by this key.
    ///
    /// A malformed signature is simply not valid; errors are thrown only when OpenSSL itself fails.
    public func verify(signature: [UInt8], message: [UInt8]) throws(CryptoError) -> Bool {
        let context = try SignatureContext()
        guard !type.digests.isEmpty else {
            return try context.verify(signature, message: message, key: key, digest: nil)
        }
        for digest in type.digests where try context.verify(signature, message: message, key: key, digest: digest) {
            return true
        }
        return false
    }

    public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool { lhs.der == rhs.der }
    public func hash(into hasher: inout Hasher) { hasher.combine(der) }
}
