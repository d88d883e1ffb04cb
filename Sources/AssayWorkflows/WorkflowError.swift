/// Failures of the workflows themselves, beside the errors of the libraries they call (which reach the caller
/// unchanged, with their own codes): a stable ``code`` for scripts and a one-line ``description`` naming the place.
public enum WorkflowError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An output file (report, manifest, policy) could not be written; nothing is left under its name.
    case cannotWrite(path: String, reason: String)

    /// A stable identifier, never reworded: scripts and tests match on it.
    public var code: String {
        switch self {
        case .cannotWrite: "output.cannot-write"
        }
    }

    /// One line for people.
    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        }
    }
}
