
/// What an X.509 certificate registered as a certification says, kept beside the certification row.
public struct X509Details: Codable, Sendable, Equatable, SQLRecord {
    public static let databaseTableName = "x509Certificate"
    public static let keyColumns = ["certificationId"]
    /// The certification the certificate is registered as.
    public var certificationId: Int64
    /// SHA-256 of the DER: the certificate's identity (the same certificate is never registered twice).
    public var fingerprint: String
    /// Subject name, RFC 2253 with UTF-8.
    public var subject: String
    /// Issuer name, RFC 2253 with UTF-8.
    public var issuer: String
    /// Serial number in upper-case hexadecimal.
    public var serialNumber: String
    /// Start of validity, ISO 8601 UTC.
    public var notBefore: String
    /// End of validity, ISO 8601 UTC.
    public var notAfter: String
    public var signatureAlgorithm: String
    /// Public-key algorithm (rsaEncryption, id-ecPublicKey, ED25519, …).
    public var keyAlgorithm: String
    public var keyBits: Int?
    /// Subject alternative DNS names.
    public var dnsNames: [String]
    /// Weak signature digests and short keys, one line each (empty when neither applies).
    public var weaknesses: [String]
    /// The file the certificate was read from.
    public var sourceFile: String

    public init(
        certificationId: Int64, fingerprint: String, subject: String, issuer: String, serialNumber: String,
        notBefore: String, notAfter: String, signatureAlgorithm: String, keyAlgorithm: String, keyBits: Int?,
        dnsNames: [String], weaknesses: [String], sourceFile: String
    ) {
        self.certificationId = certificationId
        self.fingerprint = fingerprint
        self.subject = subject
        self.issuer = issuer
        self.serialNumber = serialNumber
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.signatureAlgorithm = signatureAlgorithm
        self.keyAlgorithm = keyAlgorithm
        self.keyBits = keyBits
        self.dnsNames = dnsNames
        self.weaknesses = weaknesses
        self.sourceFile = sourceFile
    }

    /// The table's columns, for queries.
}
