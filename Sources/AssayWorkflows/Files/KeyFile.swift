import AssayCrypto

/// Loads keys from PEM or DER files, reporting a key that does not parse with its file's path and the crypto
/// library's stable code.
public enum KeyFile {
    /// The public key in `path` (Ed25519, ECDSA P-256/P-384).
    public static func publicKey(at path: String) throws(WorkflowError) -> PublicKey {
        let bytes = try InputFile.bytes(at: path, what: "public key")
        do {
            return try PublicKey(bytes: bytes)
        } catch {
            throw .badKey(path: path, error)
        }
    }

    /// The unencrypted private key in `path`, for signing checkpoints and packs.
    public static func privateKey(at path: String) throws(WorkflowError) -> PrivateKey {
        let bytes = try InputFile.bytes(at: path, what: "private key")
        do {
            return try PrivateKey(bytes: bytes)
        } catch {
            throw .badKey(path: path, error)
        }
    }
}
