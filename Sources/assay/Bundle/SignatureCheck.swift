import AssayBundle
import AssayCrypto
import Foundation

/// Checks a detached signature over a manifest file with a set of public keys.
enum SignatureCheck {
    /// The verdict on `signature`'s content as a signature of `file`'s bytes by one of `keys`.
    static func verdict(of file: String, signature: String, keys: [PublicKey]) throws -> SignatureVerdict {
        try SignatureVerdict.check(
            signature: try readBytes(signature, what: "signature"), over: try readBytes(file, what: "manifest"),
            keys: keys)
    }

    /// Loads public keys from PEM or DER files.
    static func keys(_ paths: [String]) throws -> [PublicKey] {
        try paths.map { path in
            do {
                return try PublicKey(bytes: try readBytes(path, what: "public key"))
            } catch let error as CryptoError {
                throw CommandFailure(library: error, about: path)
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
