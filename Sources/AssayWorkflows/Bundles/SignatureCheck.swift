public import AssayBundle
public import AssayCrypto
public import AssayStore
import Foundation

/// Checks detached signatures over manifests with a set of public keys: key files given by the caller, or the keys
/// registered for a vendor.
public enum SignatureCheck {
    /// Loads public keys from PEM or DER files.
    ///
    /// - Throws: ``WorkflowError/cannotRead(path:what:reason:)`` for a file that cannot be read,
    ///   ``WorkflowError/crypto(path:_:)`` (with the crypto error's code) for one that holds no public key.
    public static func keys(_ paths: [String]) throws(WorkflowError) -> [PublicKey] {
        var keys: [PublicKey] = []
        for path in paths {
            let bytes = try readBytes(path, what: "public key")
            do {
                keys.append(try PublicKey(bytes: bytes))
            } catch {
                throw .crypto(path: path, error)
            }
        }
        return keys
    }

    /// The keys registered for the vendor with id `vendorId` ('assay vendor key add').
    public static func vendorKeys(_ vendorId: Int64, in store: Store) throws -> [PublicKey] {
        try store.vendorKeys("#\(vendorId)").map { key in try PublicKey(bytes: Array(key.publicKey.utf8)) }
    }

    /// The verdict on the signature in file `signature` over `message`, by one of `keys`.
    public static func verdict(of signature: String, over message: [UInt8], keys: [PublicKey]) throws
        -> SignatureVerdict
    {
        try SignatureVerdict.check(
            signature: try readBytes(signature, what: "signature"), over: message, keys: keys)
    }

    /// The verdict on the signature in file `signature` over the bytes of file `file` (a manifest), by one of `keys`.
    public static func verdict(of signature: String, overFile file: String, keys: [PublicKey]) throws
        -> SignatureVerdict
    {
        let signatureBytes = try readBytes(signature, what: "signature")
        return try SignatureVerdict.check(
            signature: signatureBytes, over: try readBytes(file, what: "manifest"), keys: keys)
    }

    /// The bytes of a small input file (a signature, a public or private key, a manifest, a checkpoint), read
    /// whole; `what` names it in the error.
    ///
    /// - Throws: ``WorkflowError/cannotRead(path:what:reason:)`` saying whether the file is missing or unreadable.
    public static func readBytes(_ path: String, what: String) throws(WorkflowError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read it" : "no such file"
            throw .cannotRead(path: path, what: what, reason: reason)
        }
        return Array(data)
    }
}
