import AssayBundle
import AssayCrypto
import Foundation

extension ProvenanceError {
    /// A deb822 or manifest parse error of the bundle module, as a provenance error naming the file and line.
    init(deb822 error: BundleError, place: String) {
        switch error {
        case .malformedManifest(_, let line, let reason):
            self = .malformed(place: "\(place):\(line)", field: "deb822", reason: reason)
        default: self = .malformed(place: place, field: "deb822", reason: error.description)
        }
    }

    /// An SPDX parse error of the bundle module, as a provenance error naming the file, line and field.
    init(spdx error: BundleError, place: String) {
        switch error {
        case .malformedManifest(_, let line, let reason):
            let parts = reason.split(separator: ":", maxSplits: 1)
            self =
                parts.count == 2
                ? .malformed(
                    place: "\(place):\(line)", field: String(parts[0]),
                    reason: parts[1].trimmingCharacters(in: .whitespaces))
                : .malformed(place: "\(place):\(line)", field: "SPDX", reason: reason)
        case .invalidManifest(_, let field, let reason): self = .malformed(place: place, field: field, reason: reason)
        default: self = .malformed(place: place, field: "SPDX", reason: error.description)
        }
    }

    /// Runs an OpenSSL call, translating its error at the module boundary.
    static func crypto<T>(_ body: () throws(CryptoError) -> T) throws(ProvenanceError) -> T {
        do {
            return try body()
        } catch {
            throw .crypto(error)
        }
    }

    /// The SHA-256 (lowercase hex) of an evidence file's bytes.
    static func sha256(_ bytes: [UInt8]) throws(ProvenanceError) -> String {
        try crypto { () throws(CryptoError) in try DigestContext.digest(bytes, using: .sha256).hex }
    }
}
