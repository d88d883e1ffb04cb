import AssayCrypto
import Foundation

/// Assay's canonical JSON manifest: keys sorted, no insignificant whitespace, one trailing newline; the same
/// manifest always gives the same bytes. The pretty form only adds indentation.
enum JSONManifestCodec {
    static func encode(_ manifest: Manifest, pretty: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONManifestWriter.write(manifest, pretty: pretty) { bytes += $0 }
        return bytes
    }

    static func decode(_ bytes: [UInt8], file: String) throws(BundleError) -> Manifest {
        let document: ManifestDocument
        do {
            document = try JSONDecoder().decode(ManifestDocument.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            throw invalid(file, context.codingPath + [key], "missing")
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw BundleError.invalidManifest(file: file, field: "", reason: "not valid JSON (truncated or corrupt)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            throw invalid(file, context.codingPath, context.debugDescription)
        } catch {
            throw BundleError.invalidManifest(file: file, field: "", reason: "not JSON: \(error.localizedDescription)")
        }
        return try manifest(from: document, file: file)
    }

    private static func invalid(_ file: String, _ path: [any CodingKey], _ reason: String) -> BundleError {
        let field = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return .invalidManifest(file: file, field: String(field.drop { $0 == "." }), reason: reason)
    }

    private static func manifest(from document: ManifestDocument, file: String) throws(BundleError) -> Manifest {
        guard document.formatVersion == Manifest.formatVersion else {
            throw BundleError.invalidManifest(
                file: file, field: "formatVersion", reason: "unsupported version \(document.formatVersion)")
        }
        guard let algorithm = DigestAlgorithm(rawValue: document.algorithm), !algorithm.isLegacy else {
            throw BundleError.unknownAlgorithm(name: document.algorithm)
        }
        var entries: [BundleEntry] = []
        for (index, item) in document.entries.enumerated() {
            entries.append(try entry(item, algorithm: algorithm, field: "entries[\(index)]", file: file))
        }
        guard Set(entries.map(\.path)).count == entries.count else {
            throw BundleError.invalidManifest(file: file, field: "entries", reason: "duplicate paths")
        }
        let prefix = try document.strippedPrefix.map { text throws(BundleError) in
            try path(PathText(text: text, hex: document.strippedPrefixHex), field: "strippedPrefixHex", file: file)
        }
        let manifest = try Manifest(
            algorithm: algorithm, coverage: document.coverage, source: document.source, entries: entries,
            findings: document.findings, strippedPrefix: prefix, toolVersion: document.toolVersion,
            package: document.package
        )
        guard manifest.totals == document.totals else {
            throw BundleError.invalidManifest(file: file, field: "totals", reason: "do not match the entries")
        }
        guard manifest.bundleDigest?.hex == document.bundleDigest else {
            throw BundleError.invalidManifest(file: file, field: "bundleDigest", reason: "does not match the entries")
        }
        return manifest
    }

    private static func entry(
        _ item: ManifestDocument.EntryDocument, algorithm: DigestAlgorithm, field: String, file: String
    ) throws(BundleError) -> BundleEntry {
        var digest: Digest?
        if let hex = item.digest {
            guard let parsed = Digest(algorithm: algorithm, hex: hex) else {
                throw BundleError.invalidManifest(
                    file: file, field: "\(field).digest", reason: "not a \(algorithm.rawValue) digest")
            }
            digest = parsed
        }
        let target = try item.target.map { text throws(BundleError) in
            try path(PathText(text: text, hex: item.targetHex), field: "\(field).targetHex", file: file)
        }
        return BundleEntry(
            path: try path(PathText(text: item.path, hex: item.pathHex), field: "\(field).pathHex", file: file),
            type: item.type, size: item.size, digest: digest, executable: item.executable, linkTarget: target
        )
    }

    private static func path(_ text: PathText, field: String, file: String) throws(BundleError) -> EntryPath {
        guard let path = text.path else {
            throw BundleError.invalidManifest(file: file, field: field, reason: "not hexadecimal")
        }
        return path
    }
}
