internal import COpenSSL

/// A reason a certificate should not be trusted for new use, independent of its dates.
public enum CertificateWeakness: Hashable, Sendable, CustomStringConvertible {
    /// The signature uses a broken digest (MD2, MD4, MD5, SHA-1); the value names it.
    case weakSignatureDigest(String)
    /// The key is shorter than the minimum for its family (RSA/DSA 2048 bits, EC 224 bits).
    case shortKey(type: CertificatePublicKey.KeyType, bits: Int, minimum: Int)

    /// A stable identifier for scripts and reports.
    public var code: String {
        switch self {
        case .weakSignatureDigest: "x509.weak-signature"
        case .shortKey: "x509.short-key"
        }
    }

    public var description: String {
        switch self {
        case .weakSignatureDigest(let digest): "signed with the weak digest \(digest)"
        case .shortKey(let type, let bits, let minimum): "\(type.rawValue) key of \(bits) bits (minimum \(minimum))"
        }
    }

    /// The weaknesses of a certificate whose algorithm fields name these digests, weakest first, and its key.
    static func assess(signatureDigestNIDs: Set<Int32>, key: CertificatePublicKey) -> [CertificateWeakness] {
        var found: [CertificateWeakness] = weakDigests.filter { signatureDigestNIDs.contains($0.nid) }.map {
            .weakSignatureDigest($0.name)
        }
        if let type = key.type, let bits = key.bits, let minimum = minimumBits(type), bits < minimum {
            found.append(.shortKey(type: type, bits: bits, minimum: minimum))
        }
        return found
    }

    private static let weakDigests: [(nid: Int32, name: String)] = [
        (NID_md2, "MD2"), (NID_md4, "MD4"), (NID_md5, "MD5"), (NID_md5_sha1, "MD5-SHA1"), (NID_sha1, "SHA-1"),
    ]

    private static func minimumBits(_ type: CertificatePublicKey.KeyType) -> Int? {
        switch type {
        case .rsa, .rsaPSS, .dsa: 2048
        case .ec: 224
        case .ed25519, .ed448, .x25519, .x448, .other: nil
        }
    }
}
