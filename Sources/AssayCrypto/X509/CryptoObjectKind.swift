/// What a PEM block or DER blob holds, as far as telling a certificate from everything else goes.
public enum CryptoObjectKind: Hashable, Sendable, CustomStringConvertible {
    case certificate
    case certificateRequest
    case crl
    case privateKey
    case encryptedPrivateKey
    case publicKey
    case pkcs7
    case pkcs12
    case ocspRequest
    case ocspResponse
    case parameters
    /// A PEM block with a label this module does not know; the label is kept.
    case other(String)

    /// Classifies a PEM label (`CERTIFICATE`, `X509 CRL`, `RSA PRIVATE KEY`…).
    public init(pemLabel label: String) {
        switch label {
        case "CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE": self = .certificate
        case "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST": self = .certificateRequest
        case "X509 CRL": self = .crl
        case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY":
            self = .privateKey
        case "ENCRYPTED PRIVATE KEY": self = .encryptedPrivateKey
        case "PUBLIC KEY", "RSA PUBLIC KEY": self = .publicKey
        case "PKCS7", "PKCS #7 SIGNED DATA", "CMS": self = .pkcs7
        case "PKCS12": self = .pkcs12
        case "OCSP REQUEST": self = .ocspRequest
        case "OCSP RESPONSE": self = .ocspResponse
        case "EC PARAMETERS", "DH PARAMETERS", "DSA PARAMETERS", "X9.42 DH PARAMETERS": self = .parameters
        default: self = .other(label)
        }
    }

    /// Whether the object carries secret key material that must never be stored.
    public var isPrivateKey: Bool { self == .privateKey || self == .encryptedPrivateKey }

    public var description: String {
        switch self {
        case .certificate: "a certificate"
        case .certificateRequest: "a certificate signing request (CSR)"
        case .crl: "a certificate revocation list (CRL)"
        case .privateKey: "a private key"
        case .encryptedPrivateKey: "an encrypted private key"
        case .publicKey: "a public key"
        case .pkcs7: "a PKCS#7/CMS message"
        case .pkcs12: "a PKCS#12 key store"
        case .ocspRequest: "an OCSP request"
        case .ocspResponse: "an OCSP response"
        case .parameters: "key parameters"
        case .other(let label): "a PEM block labelled '\(label)'"
        }
    }
}
