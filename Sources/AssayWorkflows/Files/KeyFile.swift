import AssayCrypto

/// Loads the organisation's private key from a PEM or DER file, for signing checkpoints and packs.
public enum KeyFile {
    /// The unencrypted private key in `path`.
    ///
    /// - Throws: ``WorkflowError/cannotRead(path:what:reason:)`` for a file that cannot be read,
    ///   ``WorkflowError/crypto(path:_:)`` (with the crypto error's code) for one that holds no private key.
    public static func privateKey(at path: String) throws(WorkflowError) -> PrivateKey {
        let bytes = try SignatureCheck.readBytes(path, what: "private key")
        do {
            return try PrivateKey(bytes: bytes)
        } catch {
            throw .crypto(path: path, error)
        }
    }
}
