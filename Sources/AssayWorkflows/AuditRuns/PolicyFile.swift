import AssayAudit

/// Where an audit's policy comes from: a YAML file, else the built-in policy.
public enum PolicyFile {
    /// The policy in `path`, or the built-in one when `path` is `nil`.
    public static func load(_ path: String?) throws(AuditError) -> AuditPolicy {
        guard let path else { return try AuditPolicy.standard() }
        return try PolicyReader.read(file: path)
    }
}
