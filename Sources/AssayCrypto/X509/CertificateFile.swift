import Foundation

/// The certificates in one file, PEM or DER, detected from the content.
///
/// A PEM file may hold several certificates and text around the blocks. Blocks that are not certificates
/// (private keys beside a certificate, for instance) are skipped and only their kinds are kept in
/// ``skippedBlocks``; key material is never retained. A file with no certificate at all is refused with an
/// error that says what it holds.
public struct CertificateFile: Sendable {
    /// How the file was encoded.
    public enum Encoding: String, Sendable, Codable {
        case pem = "PEM"
        case der = "DER"
    }

    /// PEM or DER.
    public let encoding: Encoding
    /// The certificates, in file order.
    public let certificates: [Certificate]
    /// Kinds of the PEM blocks that were not certificates and were skipped (only kinds, never contents).
    public let skippedBlocks: [CryptoObjectKind]

    /// Reads and parses a file.
    public init(contentsOf path: String) throws(CryptoError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CryptoError.io(path: path, reason: "cannot read file")
        }
        try self.init(bytes: [UInt8](data))
    }

    /// Parses file contents.
    ///
    /// - Throws: ``CryptoError/notACertificate(_:)`` naming what the content is, ``CryptoError/emptyInput``,
    ///   ``CryptoError/unrecognizedContent``, ``CryptoError/malformedPEM(label:reason:)``,
    ///   ``CryptoError/malformedCertificate(_:)`` or ``CryptoError/invalidTime(field:)``.
    public init(bytes: [UInt8]) throws(CryptoError) {
        guard !bytes.isEmpty else { throw CryptoError.emptyInput }
        if PEM.containsBlock(bytes) {
            try self.init(pemBlocks: PEM.blocks(in: bytes))
        } else {
            self.init(encoding: .der, certificates: [try Self.derCertificate(bytes)], skippedBlocks: [])
        }
    }

    private init(encoding: Encoding, certificates: [Certificate], skippedBlocks: [CryptoObjectKind]) {
        self.encoding = encoding
        self.certificates = certificates
        self.skippedBlocks = skippedBlocks
    }

    private init(pemBlocks blocks: [PEMBlock]) throws(CryptoError) {
        var certificates: [Certificate] = []
        var skipped: [CryptoObjectKind] = []
        for block in blocks {
            guard block.kind == .certificate else {
                skipped.append(block.kind)
                continue
            }
            guard let der = block.der else {
                throw CryptoError.malformedPEM(label: block.label, reason: "the base64 body does not decode")
            }
            certificates.append(try Certificate(der: der))
        }
        guard !certificates.isEmpty else {
            guard let first = skipped.first else { throw CryptoError.unrecognizedContent }
            throw CryptoError.notACertificate(first)
        }
        self.init(encoding: .pem, certificates: certificates, skippedBlocks: skipped)
    }

    private static func derCertificate(_ bytes: [UInt8]) throws(CryptoError) -> Certificate {
        if let object = X509Object(der: bytes) { return try Certificate(object) }
        if let kind = DERClassifier.kind(of: bytes) { throw CryptoError.notACertificate(kind) }
        // A DER certificate starts with a SEQUENCE tag; anything else is not DER of any kind we read.
        guard bytes.first == 0x30 else { throw CryptoError.unrecognizedContent }
        throw CryptoError.malformedCertificate("DER does not parse as an X.509 certificate (truncated or corrupt)")
    }
}
