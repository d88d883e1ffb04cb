internal import COpenSSL

/// Errors raised by the crypto module, each with a stable code and a message meant for users.
public enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// OpenSSL does not provide the named algorithm (for example a FIPS-only build without BLAKE2).
    case algorithmUnavailable(String)
    /// An OpenSSL call failed; the associated value names the call and OpenSSL's reason.
    case openSSL(String)
    /// A file could not be read.
    case io(path: String, reason: String)

    /// A stable identifier for scripts and tests.
    public var code: String {
        switch self {
        case .algorithmUnavailable: "crypto.algorithm-unavailable"
        case .openSSL: "crypto.openssl"
        case .io: "crypto.io"
        }
    }

    public var description: String {
        switch self {
        case .algorithmUnavailable(let name): "digest algorithm \(name) is not available in this OpenSSL"
        case .openSSL(let call): "OpenSSL \(call) failed: \(CryptoError.lastOpenSSLReason())"
        case .io(let path, let reason): "\(path): \(reason)"
        }
    }

    /// The reason string of the most recent OpenSSL error on this thread, clearing the queue.
    static func lastOpenSSLReason() -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0, let reason = ERR_reason_error_string(code) else { return "unknown reason" }
        return String(cString: reason)
    }
}
