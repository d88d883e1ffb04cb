public import Foundation

/// An X.509 certificate read through OpenSSL, as plain values.
///
/// Names are RFC 2253 strings with UTF-8 left unescaped; dates are UTC instants.
public struct Certificate: Hashable, Sendable {
    /// The certificate's DER encoding.
    public let der: [UInt8]
    /// SHA-256 over ``der``: the certificate's identity.
    public let fingerprint: Digest
    /// The subject name (RFC 2253, UTF-8), such as `CN=www.example.com,O=Example,C=US`.
    public let subject: String
    /// The issuer name (RFC 2253, UTF-8).
    public let issuer: String
    /// Whether the subject and issuer names are equal.
    public let isSelfIssued: Bool
    /// The serial number in uppercase hexadecimal, as `openssl x509 -serial` prints it.
    public let serialNumber: String
    /// The start of the validity period.
    public let notBefore: Date
    /// The end of the validity period.
    public let notAfter: Date
    /// The signature algorithm's name, such as `sha256WithRSAEncryption`, `ED25519`, or a dotted OID.
    public let signatureAlgorithm: String
    /// The subject public key's algorithm, type and size.
    public let publicKey: CertificatePublicKey
    /// DNS names from the subject alternative name extension.
    public let dnsNames: [String]
    /// Weak signature digests and short keys, empty when neither applies.
    public let weaknesses: [CertificateWeakness]

    /// Parses a DER certificate; bytes after the certificate are ignored.
    ///
    /// - Throws: ``CryptoError/malformedCertificate(_:)`` when the DER does not parse,
    ///   ``CryptoError/invalidTime(field:)`` when a validity time is not a valid ASN.1 time.
    public init(der bytes: [UInt8]) throws(CryptoError) {
        guard let object = X509Object(der: bytes) else {
            throw CryptoError.malformedCertificate("DER does not parse as an X.509 certificate (truncated or corrupt)")
        }
        try self.init(object)
    }

    init(_ object: X509Object) throws(CryptoError) {
        der = object.der
        fingerprint = try DigestContext.digest(object.der, using: .sha256)
        subject = try object.subject
        issuer = try object.issuer
        isSelfIssued = object.isSelfIssued
        serialNumber = object.serialNumber
        notBefore = try object.notBefore
        notAfter = try object.notAfter
        signatureAlgorithm = object.signatureAlgorithm
        publicKey = CertificatePublicKey(algorithm: object.publicKeyAlgorithm, key: object.publicKey)
        dnsNames = object.dnsNames
        weaknesses = CertificateWeakness.assess(signatureDigestNIDs: object.signatureDigestNIDs, key: publicKey)
    }

    /// `notBefore` as ISO 8601 in UTC (`2011-05-05T09:37:37Z`).
    public var notBeforeISO8601: String { notBefore.formatted(.iso8601) }
    /// `notAfter` as ISO 8601 in UTC.
    public var notAfterISO8601: String { notAfter.formatted(.iso8601) }

    /// Where `date` falls relative to the validity period (both ends inclusive).
    public func validity(at date: Date) -> ValidityStatus {
        if date < notBefore { return .notYetValid }
        if date > notAfter { return .expired }
        return .valid
    }

    /// Where a moment falls relative to a certificate's validity period.
    public enum ValidityStatus: String, Sendable, Codable {
        case notYetValid = "not-yet-valid"
        case valid
        case expired
    }
}
