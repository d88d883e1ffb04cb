/// The JSON shape of a manifest, field for field as in `Schemas/manifest.schema.json`.
struct ManifestDocument: Codable, Equatable {
    var formatVersion: Int
    var algorithm: String
    var coverage: Manifest.Coverage
    var toolVersion: String
    var source: String
    var strippedPrefix: String?
    var strippedPrefixHex: String?
    var entries: [EntryDocument]
    var totals: Totals
    var bundleDigest: String?
    var findings: [BundleFinding]
    var package: PackageMetadata?

    /// One entry; `pathHex` and `targetHex` appear only for names that are not UTF-8.
    struct EntryDocument: Codable, Equatable {
        var path: String
        var pathHex: String?
        var type: EntryType
        var size: UInt64?
        var digest: String?
        var executable: Bool?
        var target: String?
        var targetHex: String?
    }
}

extension ManifestDocument {
    /// The document of a manifest; `entries`, when given, replaces the manifest's own (the writer passes none).
    init(_ manifest: Manifest, entries: [EntryDocument]? = nil) {
        let prefix = manifest.strippedPrefix.map(PathText.init)
        self.init(
            formatVersion: Manifest.formatVersion, algorithm: manifest.algorithm.rawValue, coverage: manifest.coverage,
            toolVersion: manifest.toolVersion, source: manifest.source, strippedPrefix: prefix?.text,
            strippedPrefixHex: prefix?.hex, entries: entries ?? manifest.entries.map(EntryDocument.init),
            totals: manifest.totals, bundleDigest: manifest.bundleDigest?.hex, findings: manifest.findings,
            package: manifest.package
        )
    }
}

extension ManifestDocument.EntryDocument {
    init(_ entry: BundleEntry) {
        let path = PathText(entry.path)
        let target = entry.linkTarget.map(PathText.init)
        self.init(
            path: path.text, pathHex: path.hex, type: entry.type, size: entry.size, digest: entry.digest?.hex,
            executable: entry.executable, target: target?.text, targetHex: target?.hex
        )
    }
}
