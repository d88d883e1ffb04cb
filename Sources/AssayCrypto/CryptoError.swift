internal import COpenSSL

/// Errors raised by the crypto module, each with a stable code and a message meant for users.
///
/// Messages are one line and never include a path; callers prefix the file they were reading.
public enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// OpenSSL does not provide the named algorithm (for example a FIPS-only build without BLAKE2).
    case algorithmUnavailable(String)
    /// An OpenSSL call failed; the associated value names the call and OpenSSL's reason.
    case openSSL(String)
    /// A file could not be read.
    case io(path: String, reason: String)
    /// The input holds a recognised cryptographic object that is not a certificate.
    case notACertificate(CryptoObjectKind)
    /// The input is empty.
    case emptyInput
    /// The input is neither PEM text nor DER data of any known kind.
    case unrecognizedContent
    /// A PEM block is cut short or its base64 body does not decode.
    case malformedPEM(label: String, reason: String)
    /// The input claims to be a certificate but its DER does not parse.
    case malformedCertificate(String)
    /// A certificate's validity time (`notBefore` or `notAfter`) is not a valid ASN.1 time.
    case invalidTime(field: String)
    /// A key of a type this module does not sign or verify with.
    case unsupportedKey(String)
    /// Key data that does not parse, or a key of the wrong kind for the call.
    case malformedKey(String)

    /// A stable identifier for scripts and tests.
    public var code: String {
        switch self {
        case .algorithmUnavailable: "crypto.algorithm-unavailable"
        case .openSSL: "crypto.openssl"
        case .io: "crypto.io"
        case .notACertificate: "x509.not-a-certificate"
        case .emptyInput: "x509.empty"
        case .unrecognizedContent: "x509.unrecognized"
        case .malformedPEM: "pem.malformed"
        case .malformedCertificate: "x509.malformed"
        case .invalidTime: "x509.invalid-time"
        case .unsupportedKey: "key.unsupported"
        case .malformedKey: "key.malformed"
        }
    }

    public var description: String {
        switch self {
        case .algorithmUnavailable(let name): "digest algorithm \(name) is not available in this OpenSSL"
        case .openSSL(let call): "OpenSSL \(call) failed: \(CryptoError.lastOpenSSLReason())"
        case .io(let path, let reason): "\(path): \(reason)"
        case .notACertificate(let kind): "not a certificate: this is \(kind.description)"
        case .emptyInput: "the file is empty"
        case .unrecognizedContent: "not a certificate: neither PEM text nor DER data of a known kind"
        case .malformedPEM(let label, let reason): "PEM block '\(label)' is malformed: \(reason)"
        case .malformedCertificate(let reason): "malformed certificate: \(reason)"
        case .invalidTime(let field): "certificate \(field) is not a valid ASN.1 time; no date was guessed"
        case .unsupportedKey(let type): "unsupported key type \(type): expected Ed25519, ECDSA P-256/P-384 or RSA"
        case .malformedKey(let reason): "malformed key: \(reason)"
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
