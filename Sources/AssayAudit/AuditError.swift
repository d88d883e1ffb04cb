import AssayStore

/// Everything that can go wrong in an audit, with a stable code and a one-line message naming file, line and field.
public enum AuditError: Error, Sendable, CustomStringConvertible {
    /// The policy file is not valid: `line` is 1-based, `field` the dotted key path.
    case policy(file: String, line: Int?, field: String?, reason: String)
    /// The policy file cannot be read.
    case unreadable(file: String, reason: String)
    /// A report template did not render.
    case template(String)
    /// Text given as a finding id is not one (`reason` says why).
    case findingId(String, reason: String)
    /// A risk acceptance the policy does not allow.
    case acceptanceRefused(String)
    /// An evidence pack could not be written or read at all (`reason` says why); a pack that reads but does not
    /// verify is a ``PackVerification`` with problems, not an error.
    case pack(path: String, reason: String)
    /// A store error under the audit.
    case store(StoreError)

    /// A stable identifier for scripts and tests.
    public var code: String {
        switch self {
        case .policy: "audit.policy"
        case .unreadable: "audit.unreadable"
        case .template: "audit.template"
        case .findingId: "audit.finding-id"
        case .acceptanceRefused: "audit.acceptance-refused"
        case .pack: "audit.pack"
        case .store(let error): error.code
        }
    }

    public var description: String {
        switch self {
        case .policy(let file, let line, let field, let reason):
            [file, line.map { "line \($0)" }, field].compactMap { $0 }.joined(separator: ": ") + ": " + reason
        case .unreadable(let file, let reason): "\(file): cannot read the policy: \(reason)"
        case .template(let reason): "report template: \(reason)"
        case .findingId(let text, let reason):
            "'\(text)' is not a finding id: \(reason) (expected KIND:KEY as audit reports give it, "
                + "such as market-restriction:vendor-3-event-9)"
        case .acceptanceRefused(let reason): reason
        case .pack(let path, let reason): "\(path): \(reason)"
        case .store(let error): error.description
        }
    }
}

extension AuditError {
    /// Runs a store operation, wrapping its error.
    static func wrapping<T>(_ body: () throws(StoreError) -> T) throws(AuditError) -> T {
        do {
            return try body()
        } catch {
            throw .store(error)
        }
    }
}
