internal import COpenSSL

/// A message-digest algorithm provided by OpenSSL's EVP interface.
///
/// The raw value is the name users type (`--algorithm sha256`) and the name stored in manifests.
/// ``allCases`` lists the algorithms users may choose; SHA-1 and MD5 (``legacyCases``) exist only to check
/// third-party manifests that list them (a Debian `.dsc`'s `Checksums-Sha1` and `Files`, a BagIt `manifest-md5.txt`).
public enum DigestAlgorithm: String, CaseIterable, Codable, Sendable {
    case sha256
    case sha384
    case sha512
    case sha3_256 = "sha3-256"
    case sha3_512 = "sha3-512"
    case blake2b512 = "blake2b-512"
    case sha1
    case md5

    /// The algorithms users may choose to hash bundles with.
    public static let allCases: [DigestAlgorithm] = [.sha256, .sha384, .sha512, .sha3_256, .sha3_512, .blake2b512]

    /// Broken algorithms, read only to check third-party manifests that list them, never offered for hashing.
    public static let legacyCases: [DigestAlgorithm] = [.sha1, .md5]

    /// Whether this is one of the ``legacyCases``.
    public var isLegacy: Bool { Self.legacyCases.contains(self) }

    /// Parses a user-supplied algorithm name, accepting common spellings (`SHA-256`, `sha256`, `SHA3_256`);
    /// `nil` for unknown names and for the legacy ones, which users cannot choose.
    public init?(userInput: String) {
        let folded = userInput.lowercased().replacingOccurrences(of: "_", with: "-")
        if let exact = DigestAlgorithm(rawValue: folded), !exact.isLegacy {
            self = exact
            return
        }
        let compact = folded.replacingOccurrences(of: "-", with: "")
        guard
            let match = DigestAlgorithm.allCases.first(where: {
                $0.rawValue.replacingOccurrences(of: "-", with: "") == compact
            })
        else {
            return nil
        }
        self = match
    }

    /// The number of bytes in a digest of this algorithm.
    public var outputByteCount: Int {
        switch self {
        case .md5: 16
        case .sha1: 20
        case .sha256, .sha3_256: 32
        case .sha384: 48
        case .sha512, .sha3_512, .blake2b512: 64
        }
    }

    /// The tag used by BSD-style `SHA256 (path) = hex` lines and BagIt manifest names.
    public var bsdTag: String {
        switch self {
        case .sha256: "SHA256"
        case .sha384: "SHA384"
        case .sha512: "SHA512"
        case .sha3_256: "SHA3-256"
        case .sha3_512: "SHA3-512"
        case .blake2b512: "BLAKE2b"
        case .sha1: "SHA1"
        case .md5: "MD5"
        }
    }

    /// The algorithm's name as OpenSSL knows it.
    var openSSLName: String {
        switch self {
        case .sha256: "SHA2-256"
        case .sha384: "SHA2-384"
        case .sha512: "SHA2-512"
        case .sha3_256: "SHA3-256"
        case .sha3_512: "SHA3-512"
        case .blake2b512: "BLAKE2B-512"
        case .sha1: "SHA1"
        case .md5: "MD5"
        }
    }

    /// The fetched OpenSSL implementation, fetched once per process and shared by every hasher.
    var evpMD: OpaquePointer {
        get throws(CryptoError) {
            guard let md = DigestAlgorithm.fetched[self] ?? nil else {
                throw CryptoError.algorithmUnavailable(rawValue)
            }
            return md
        }
    }

    /// `EVP_MD_fetch` is costly; an `EVP_MD` is immutable and safe to share between threads once fetched.
    nonisolated(unsafe) private static let fetched: [DigestAlgorithm: OpaquePointer?] = Dictionary(
        uniqueKeysWithValues: (DigestAlgorithm.allCases + DigestAlgorithm.legacyCases).map {
            ($0, EVP_MD_fetch(nil, $0.openSSLName, nil))
        }
    )
}
