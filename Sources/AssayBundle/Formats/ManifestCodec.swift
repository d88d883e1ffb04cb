public import AssayCrypto
import Foundation

/// Reads and writes manifests in every ``ManifestFormat``.
public enum ManifestCodec {
    /// The bytes of a manifest in a format. Line formats list files only (directories, symlinks and executable bits
    /// need Assay's own format); `pretty` indents Assay JSON and is ignored otherwise. The Debian format is read-only
    /// (a `.dsc` is signed by its maintainer); asking to write it throws ``BundleError/unsupportedOutput(format:)``.
    public static func encode(_ manifest: Manifest, as format: ManifestFormat, pretty: Bool = false) throws(BundleError)
        -> [UInt8]
    {
        switch format {
        case .assay: JSONManifestCodec.encode(manifest, pretty: pretty)
        case .gnu: CoreutilsFormat.write(manifest, tagged: false)
        case .bsd: CoreutilsFormat.write(manifest, tagged: true)
        case .bagit: BagItFormat.write(manifest)
        case .hashdeep: try HashdeepFormat.write(manifest)
        case .debian, .spdx: throw BundleError.unsupportedOutput(format: format.rawValue)
        }
    }

    /// Writes a manifest in a format piece by piece, so a manifest of millions of entries is never held whole as
    /// text: Assay JSON is written in pieces of about 256 KiB, the other formats in one piece.
    public static func write(
        _ manifest: Manifest, as format: ManifestFormat, pretty: Bool = false, to sink: ([UInt8]) throws -> Void
    ) throws {
        if format == .assay {
            try JSONManifestWriter.write(manifest, pretty: pretty, to: sink)
        } else {
            try sink(try encode(manifest, as: format, pretty: pretty))
        }
    }

    /// Parses manifest bytes; `file` names the source in errors. The format is detected when not given.
    ///
    /// A manifest that names its algorithm (a BSD tag, a hashdeep column, a `.dsc` field, a BagIt
    /// `manifest-<alg>.txt` file name, Assay JSON) is read with it; otherwise the digest length tells (SHA-512 for
    /// 128 hex digits). `algorithm`, when given, decides between algorithms of equal digest length (SHA-256 vs
    /// SHA3-256), and a manifest of another algorithm throws ``BundleError/algorithmMismatch(expected:actual:)``.
    public static func decode(
        _ bytes: [UInt8],
        file: String,
        format: ManifestFormat? = nil,
        algorithm: DigestAlgorithm? = nil
    ) throws(BundleError) -> Manifest {
        let format = format ?? ManifestFormat.detect(bytes)
        if format == .assay {
            let manifest = try JSONManifestCodec.decode(bytes, file: file)
            if let algorithm, algorithm != manifest.algorithm {
                throw BundleError.algorithmMismatch(expected: manifest.algorithm.rawValue, actual: algorithm.rawValue)
            }
            return manifest
        }
        if format == .spdx { return try SPDXManifest.manifest(bytes, file: file, hint: algorithm) }
        if format == .debian {
            return try ListingBuilder.combined(DebianControlFormat.read(bytes, file: file), file: file, hint: algorithm)
        }
        var builder = ListingBuilder(file: file, format: format, hint: algorithm, named: bagItAlgorithm(file, format))
        switch format {
        case .gnu, .bsd: try CoreutilsFormat.read(bytes, into: &builder)
        case .bagit: try BagItFormat.read(bytes, into: &builder)
        case .hashdeep: try HashdeepFormat.read(bytes, hint: algorithm, into: &builder)
        case .assay, .debian, .spdx: break
        }
        return try builder.build()
    }

    /// Reads and parses a manifest file.
    public static func read(
        contentsOf path: String,
        format: ManifestFormat? = nil,
        algorithm: DigestAlgorithm? = nil
    ) throws(BundleError) -> Manifest {
        guard FileManager.default.fileExists(atPath: path) else { throw BundleError.notFound(path: path) }
        // Assay JSON streams into a compact entry list; anything it does not read cleanly is decoded whole below.
        if format == nil || format == .assay, let manifest = JSONManifestReader.read(path: path) {
            if let algorithm, algorithm != manifest.algorithm {
                throw BundleError.algorithmMismatch(expected: manifest.algorithm.rawValue, actual: algorithm.rawValue)
            }
            return manifest
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BundleError.unreadable(path: path, reason: "permission denied or not a regular file")
        }
        return try decode(Array(data), file: path, format: format, algorithm: algorithm)
    }

    /// The algorithm named by a BagIt manifest's file name (`manifest-sha512.txt`).
    private static func bagItAlgorithm(_ file: String, _ format: ManifestFormat) -> DigestAlgorithm? {
        guard format == .bagit, let name = file.split(separator: "/").last,
            name.hasPrefix("manifest-"), name.hasSuffix(".txt")
        else { return nil }
        return DigestAlgorithm(userInput: String(name.dropFirst(9).dropLast(4)))
    }
}
