import AssayCrypto
import Foundation

/// Checks a detached signature over a manifest file with a set of public keys.
enum SignatureCheck {
    /// The key whose signature over `file`'s bytes is `signature`'s content, or `nil` when none verifies.
    static func signer(of file: String, signature: String, keys: [PublicKey]) throws -> PublicKey? {
        let message = try readBytes(file, what: "manifest")
        let signatureBytes = try readBytes(signature, what: "signature")
        for key in keys where try key.verify(signature: signatureBytes, message: message) {
            return key
        }
        return nil
    }

    /// Loads public keys from PEM or DER files.
    static func keys(_ paths: [String]) throws -> [PublicKey] {
        try paths.map { path in
            do {
                return try PublicKey(bytes: try readBytes(path, what: "public key"))
            } catch let error as CryptoError {
                throw CommandFailure(message: "\(path): \(error.description)")
            }
        }
    }

    static func readBytes(_ path: String, what: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read it" : "no such file"
            throw CommandFailure(message: "\(path): \(reason) (\(what))")
        }
        return Array(data)
    }

    /// The one-line verdict printed when no key verifies.
    static func failure(_ signature: String, over file: String, keys: String) -> String {
        "signature check FAILED: \(signature) is not a valid signature of \(file) by \(keys)"
    }
}
