public import AssayCrypto

/// Failures of the workflows themselves, beside the errors of the libraries they call (which reach the caller
/// unchanged, with their own codes): a stable ``code`` for scripts and a one-line ``description`` naming the place.
public enum WorkflowError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An output file (report, manifest, policy) could not be written; nothing is left under its name.
    case cannotWrite(path: String, reason: String)
    /// An input file (a signature, a manifest, a public key) could not be read; `what` says which it was.
    case cannotRead(path: String, what: String, reason: String)
    /// A key or certificate file was read but is not what it should be: the crypto error keeps its own code.
    case crypto(path: String, CryptoError)
    /// A folder for output files could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// A bundle was to be verified on its own, as a BagIt bag, but it is not one and no manifest was given.
    case notABag(path: String)
    /// A certificate whose vendor was to be found from its subject's `O=` names no organisation.
    case noOrganization(file: String, subject: String)

    /// A stable identifier, never reworded: scripts and tests match on it.
    public var code: String {
        switch self {
        case .cannotWrite: "output.cannot-write"
        case .cannotRead: "input.cannot-read"
        case .crypto(_, let error): error.code
        case .cannotCreateFolder: "output.cannot-create-folder"
        case .notABag: "bundle.not-a-bag"
        case .noOrganization: "x509.no-organization"
        }
    }

    /// One line for people.
    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        case .cannotRead(let path, let what, let reason): "\(path): \(reason) (\(what))"
        case .crypto(let path, let error): "\(path): \(error.description)"
        case .cannotCreateFolder(let path, let reason): "\(path): cannot create the folder: \(reason)"
        case .notABag(let path):
            "\(path) is not a BagIt bag (no bagit.txt declaring BagIt-Version), and no manifest was given"
        case .noOrganization(let file, let subject):
            "\(file): certificate '\(subject)' names no organization (O=) to find its vendor by"
        }
    }
}
