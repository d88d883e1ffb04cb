import AssayBundle
import AssayCrypto

extension ProvenanceError {
    /// A deb822 or manifest parse error of the bundle module, as a provenance error naming the file and line.
    init(deb822 error: BundleError, place: String) {
        switch error {
        case .malformedManifest(_, let line, let reason):
            self = .malformed(place: "\(place):\(line)", field: "deb822", reason: reason)
        default: self = .malformed(place: place, field: "deb822", reason: error.description)
        }
    }

    /// The SHA-256 (lowercase hex) of an evidence file's bytes.
    static func sha256(_ bytes: [UInt8]) throws(ProvenanceError) -> String {
        do {
            return try Hasher.digest(bytes, using: .sha256).hex
        } catch {
            throw .crypto(error)
        }
    }
}
