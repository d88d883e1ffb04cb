public import AssayBundle
public import AssayCrypto

/// Every failure the provenance module reports: a stable ``code`` and a one-line ``description`` naming the file
/// and field.
///
/// A signature that does not verify is not an error of this type when the caller asked to check it: readers
/// report it as ``ProvenanceError/signatureInvalid(place:reason:)`` so that the CLI exits 1 ("invalid"), while
/// every other case is trouble (exit 2).
public enum ProvenanceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is none of the formats Assay reads as provenance.
    case unrecognized(place: String)
    /// A field is missing, of the wrong type or has a value the format does not allow.
    case malformed(place: String, field: String, reason: String)
    /// A version or media type that Assay does not know (named), refused rather than guessed.
    case unsupported(place: String, what: String)
    /// A signature, proof, timestamp or certificate chain does not verify; the reason says which and why.
    case signatureInvalid(place: String, reason: String)
    /// The evidence cannot be checked as asked: no key given, keyless without an identity policy, a trusted root
    /// that lacks the needed authority.
    case cannotVerify(place: String, reason: String)
    /// The evidence names a kind of trust the caller did not give: a pinned trusted root, a public key, or the
    /// expected signer identity of a keyless signature.
    case missingTrust(place: String, needed: TrustInput)
    /// OpenSSL failed.
    case crypto(CryptoError)
    /// A rebuild could not be run (its folders could not be made, the shell could not be started); a build that
    /// runs and fails is no error but a recorded attempt.
    case cannotRun(place: String, reason: String)
    /// A bundle could not be read or extracted.
    case bundle(BundleError)

    /// A stable identifier, never reworded: scripts and tests match on it.
    public var code: String {
        switch self {
        case .unrecognized: "provenance.unrecognized"
        case .malformed: "provenance.malformed"
        case .unsupported: "provenance.unsupported"
        case .signatureInvalid: "provenance.signature-invalid"
        case .cannotVerify, .missingTrust: "provenance.cannot-verify"
        case .crypto(let error): error.code
        case .cannotRun: "provenance.cannot-run"
        case .bundle(let error): error.code
        }
    }

    /// One line for people.
    public var description: String {
        switch self {
        case .unrecognized(let place):
            "\(place): not a provenance file Assay reads (Debian .buildinfo, in-toto statement or link, DSSE envelope, Sigstore bundle, SPDX 2.x)"
        case .malformed(let place, let field, let reason): "\(place): \(field): \(reason)"
        case .unsupported(let place, let what): "\(place): unsupported \(what)"
        case .signatureInvalid(let place, let reason): "\(place): signature does not verify: \(reason)"
        case .cannotVerify(let place, let reason): "\(place): cannot verify: \(reason)"
        case .missingTrust(let place, let needed): "\(place): cannot verify: \(needed)"
        case .crypto(let error): error.description
        case .cannotRun(let place, let reason): "\(place): cannot run the rebuild: \(reason)"
        case .bundle(let error): error.description
        }
    }
}
