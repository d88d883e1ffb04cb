/// Everything that can go wrong in sending an audit summary, with a stable code and a one-line message.
///
/// Messages name channels, files and environment variables, never a password or a secret.
public enum NotifyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A channel asked for is not declared in the policy.
    case unknownChannel(String, declared: [String])
    /// A password or secret could not be read from its file or environment variable.
    case secret(channel: String, reason: String)
    /// The transfer failed: connection, TLS, certificate or protocol (curl's reason).
    case transfer(channel: String, reason: String)
    /// The web hook answered with an HTTP status outside 2xx.
    case httpStatus(channel: String, status: Int)

    /// A stable identifier for scripts and tests.
    public var code: String {
        switch self {
        case .unknownChannel: "notify.unknown-channel"
        case .secret: "notify.secret"
        case .transfer: "notify.transfer"
        case .httpStatus: "notify.http-status"
        }
    }

    public var description: String {
        switch self {
        case .unknownChannel(let name, let declared):
            "no notification channel '\(name)' in the policy"
                + (declared.isEmpty
                    ? " (it declares none: add them under 'notifications')"
                    : " (it declares: \(declared.joined(separator: ", ")))")
        case .secret(let channel, let reason): "\(channel): \(reason)"
        case .transfer(let channel, let reason): "\(channel): \(reason)"
        case .httpStatus(let channel, let status): "\(channel): the server answered HTTP \(status)"
        }
    }
}
