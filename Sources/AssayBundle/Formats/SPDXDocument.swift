public import AssayCrypto

/// An SPDX 2.x document (SPDX specification 2.2 and 2.3), tag-value or JSON, reduced to what verification and
/// provenance need: files with their checksums and types, packages with their verification codes and files, and
/// relationships.
public struct SPDXDocument: Sendable, Equatable {
    /// A checksum as the document writes it: the SPDX algorithm name (`SHA1`, `SHA256`, `SHA3-256`, `BLAKE2b-256`…)
    /// and its lowercase hex value.
    public struct Checksum: Sendable, Equatable {
        /// The algorithm name as written.
        public let algorithm: String
        /// The value, lowercase hex.
        public let hex: String

        /// The algorithm as Assay hashes it, or `nil` for one it does not (`MD2`, `SHA224`, `ADLER32`…).
        public var digestAlgorithm: DigestAlgorithm? { SPDXDocument.algorithms[algorithm.uppercased()] }
    }

    /// A file (SPDX 2.3 §8).
    public struct File: Sendable, Equatable {
        /// `SPDXID`.
        public let id: String
        /// `FileName`/`fileName` as written, e.g. `./src/hello.c` relative to the package root.
        public let name: String
        /// Every checksum given.
        public let checksums: [Checksum]
        /// `FileType`/`fileTypes`, uppercase (`SOURCE`, `BINARY`…).
        public let types: [String]
        /// The line of `FileName` in a tag-value document, `nil` in JSON.
        public let line: Int?
    }

    /// A package (SPDX 2.3 §7).
    public struct Package: Sendable, Equatable {
        /// `SPDXID`.
        public let id: String
        /// `PackageName`/`name`.
        public let name: String
        /// The stated `PackageVerificationCode` value, lowercase hex, when given.
        public let verificationCode: String?
        /// The files the verification code excludes, as named there.
        public let excludedFiles: [String]
        /// The package's own checksums (`PackageChecksum`/`checksums`).
        public let checksums: [Checksum]
        /// The SPDX ids of its files (`hasFiles`, `CONTAINS` relationships, or in tag-value the files after it).
        public let fileIds: [String]
    }

    /// A relationship (SPDX 2.3 §11): `element TYPE related`.
    public struct Relationship: Sendable, Equatable {
        /// The SPDX id on the left.
        public let element: String
        /// The type, uppercase (`GENERATED_FROM`, `GENERATES`, `CONTAINS`…).
        public let type: String
        /// The SPDX id on the right.
        public let related: String
    }

    /// `SPDXVersion`/`spdxVersion`, e.g. `SPDX-2.3`.
    public let version: String
    /// The files, in document order.
    public let files: [File]
    /// The packages, in document order.
    public let packages: [Package]
    /// The relationships, in document order.
    public let relationships: [Relationship]

    /// The SPDX checksum algorithms Assay can hash, by SPDX name.
    static let algorithms: [String: DigestAlgorithm] = [
        "SHA1": .sha1, "MD5": .md5, "SHA256": .sha256, "SHA384": .sha384, "SHA512": .sha512,
        "SHA3-256": .sha3_256, "SHA3-512": .sha3_512, "BLAKE2B-512": .blake2b512,
    ]

    /// Parses an SPDX document in either form, told apart by content (JSON starts with `{`).
    public static func parse(_ bytes: [UInt8], file: String) throws(BundleError) -> SPDXDocument {
        let start = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        return start.first == UInt8(ascii: "{")
            ? try SPDXJSON.parse(bytes, file: file) : try SPDXTagValue.parse(bytes, file: file)
    }

    /// Whether bytes are an SPDX 2.x document in either form.
    public static func matches(_ bytes: [UInt8]) -> Bool { SPDXTagValue.matches(bytes) || SPDXJSON.matches(bytes) }

    /// The file with an SPDX id.
    public func file(id: String) -> File? { files.first { $0.id == id } }

    /// The files other files are generated from: `A GENERATED_FROM B` and its inverse `B GENERATES A`, as
    /// (generated, source) id pairs.
    public var generatedFrom: [(generated: String, source: String)] {
        relationships.compactMap { relationship in
            switch relationship.type {
            case "GENERATED_FROM": (relationship.element, relationship.related)
            case "GENERATES": (relationship.related, relationship.element)
            default: nil
            }
        }
    }

    /// SPDX 2.3 §7.9: SHA-1 over the concatenation, without separators, of the sorted lowercase hex SHA-1s of the
    /// package's files, excluding the files its verification code excludes; `nil` when a file lacks a SHA-1.
    public func computedVerificationCode(_ package: Package) throws(CryptoError) -> String? {
        let excluded = Set(package.excludedFiles.map(Self.relative))
        var sha1s: [String] = []
        for id in package.fileIds {
            guard let file = file(id: id), !excluded.contains(Self.relative(file.name)) else { continue }
            guard let sha1 = file.checksums.first(where: { $0.algorithm.uppercased() == "SHA1" }) else { return nil }
            sha1s.append(sha1.hex)
        }
        return try DigestContext.digest(Array(sha1s.sorted().joined().utf8), using: .sha1).hex
    }

    /// One line per package whose stated verification code is not the one its files' SHA-1s give (or cannot be
    /// recomputed because a file has no SHA-1): a fault of the SBOM, which its readers report without failing.
    public func verificationCodeMismatches() throws(CryptoError) -> [String] {
        var lines: [String] = []
        for package in packages {
            guard let stated = package.verificationCode else { continue }
            let computed = try computedVerificationCode(package)
            guard computed != stated else { continue }
            lines.append(
                "package \(package.name): PackageVerificationCode \(stated) does not match its files' SHA-1s "
                    + (computed.map { "(recomputed \($0))" } ?? "(cannot be recomputed: a file has no SHA-1)"))
        }
        return lines
    }

    /// A file name without its leading `./`, as manifests and exclusion lists compare it.
    static func relative(_ name: String) -> String {
        var name = Substring(name)
        while name.hasPrefix("./") { name = name.dropFirst(2) }
        return String(name)
    }
}
