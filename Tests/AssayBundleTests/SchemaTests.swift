import AssayBundle
import AssayCrypto
import AssayTestSupport
import Foundation
import Testing

/// `Schemas/*.schema.json` stay in step with the Codable types: required keys are what a minimal value encodes,
/// properties what a full value encodes; and encoded values validate (python3's jsonschema, which Scripts/setup
/// installs: its absence fails the test rather than skipping it).
@Suite struct SchemaTests {
    static let schemas = Fixtures.packageRoot.appendingPathComponent("Schemas")

    typealias Object = [String: Any]

    static func load(_ name: String) throws -> Object {
        let data = try Data(contentsOf: schemas.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? Object)
    }

    static func object(_ bytes: [UInt8]) throws -> Object {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? Object)
    }

    /// Checks one object schema against a minimal and a full encoded instance.
    static func check(_ schema: Object, minimal: Object, full: Object, _ name: String) {
        let required = Set(schema["required"] as? [String] ?? [])
        let properties = Set((schema["properties"] as? Object ?? [:]).keys)
        #expect(required == Set(minimal.keys), "\(name): required keys")
        #expect(properties == Set(full.keys), "\(name): properties")
    }

    static func entry(_ manifest: Object, _ index: Int) -> Object {
        (manifest["entries"] as? [Object])?[index] ?? [:]
    }

    /// Minimal: files-only listing with one file of unknown size. Full: a bundle with every optional field.
    static func manifests() throws -> (minimal: Manifest, full: Manifest) {
        let digest = try DigestContext.digest(Array("x".utf8))
        let minimal = try Manifest(
            algorithm: .sha256, coverage: .filesOnly, source: "gnu",
            entries: [BundleEntry(path: EntryPath("a"), type: .file)])
        let odd = EntryPath(bytes: [0x61, 0xFF])
        let full = try Manifest(
            algorithm: .sha256, coverage: .complete, source: "tar.gz",
            entries: [
                .file(odd, size: 1, digest: digest, executable: true),
                BundleEntry(path: EntryPath("l"), type: .symlink, size: 0, executable: false, linkTarget: odd),
            ],
            findings: [BundleFinding(.caseVariant, .warning, path: odd, "demo")], strippedPrefix: odd,
            package: PackageMetadata(
                format: .rpm, name: "demo", version: "1:1.0", release: "1", architecture: "noarch",
                members: ["lead", "signature", "header", "payload"], controlFiles: ["control"], payload: "cpio.xz"))
        return (minimal, full)
    }

    @Test func manifestSchemaMatchesTheEncodedManifest() throws {
        let schema = try Self.load("manifest.schema.json")
        let (minimalManifest, fullManifest) = try Self.manifests()
        let minimal = try Self.object(ManifestCodec.encode(minimalManifest, as: .assay))
        let full = try Self.object(ManifestCodec.encode(fullManifest, as: .assay))
        Self.check(schema, minimal: minimal, full: full, "manifest")
        let definitions = try #require(schema["$defs"] as? Object)
        let entrySchema = try #require(definitions["entry"] as? Object)
        var fullEntry = Self.entry(full, 0)
        fullEntry.merge(Self.entry(full, 1)) { first, _ in first }
        Self.check(entrySchema, minimal: ["path": "", "type": ""], full: fullEntry, "entry")
        #expect(Set(Self.entry(minimal, 0).keys) == ["path", "type"])
        let findingSchema = try #require(definitions["finding"] as? Object)
        let finding = try #require((full["findings"] as? [Object])?.first)
        Self.check(findingSchema, minimal: finding.filter { $0.key != "path" }, full: finding, "finding")
        let package = try #require(full["package"] as? Object)
        let optional: Set<String> = ["name", "version", "release", "architecture"]
        Self.check(
            try #require(definitions["package"] as? Object), minimal: package.filter { !optional.contains($0.key) },
            full: package, "package")
    }

    @Test func reportSchemaMatchesTheEncodedReport() throws {
        let schema = try Self.load("verification-report.schema.json")
        let (minimalManifest, fullManifest) = try Self.manifests()
        let minimalReport = try Verifier.verify(minimalManifest, against: minimalManifest)
        let renamed = try Manifest(
            algorithm: .sha256, coverage: .complete, source: "directory",
            entries: fullManifest.entries.map { entry in
                var moved = entry
                if entry.type == .file { moved.path = EntryPath("moved") }
                return moved
            })
        let signer = String(repeating: "ab", count: 32)
        var fullReport = try Verifier.verify(fullManifest, against: renamed)
            .recording(SignatureVerdict(valid: true, signerKey: signer))
        fullReport.differences[0].algorithm = "md5"
        fullReport.ownChecksums = OwnChecksumsCheck(file: "control.tar.xz/md5sums", algorithm: "md5")
        let minimal = try Self.object(Array(JSONEncoder().encode(minimalReport)))
        let full = try Self.object(Array(JSONEncoder().encode(fullReport)))
        Self.check(schema, minimal: minimal, full: full, "report")
        let definitions = try #require(schema["$defs"] as? Object)
        let differences = try #require(full["differences"] as? [Object])
        let added = try #require(differences.first { $0["kind"] as? String == "added" })
        let removed = try #require(differences.first { $0["kind"] as? String == "missing" })
        var union = added
        union.merge(removed) { first, _ in first }
        Self.check(
            try #require(definitions["difference"] as? Object),
            minimal: removed.filter { $0.key != "expected" }, full: union, "difference")
        #expect(fullReport.hints.map(\.kind) == [.possibleRename])
    }

    @Test func encodedValuesValidateWithPythonJSONSchema() throws {
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        let (_, full) = try Self.manifests()
        let manifest = String(decoding: try ManifestCodec.encode(full, as: .assay), as: UTF8.self)
        #expect(try SchemaValidator.problems(in: manifest, schema: "manifest.schema.json") == nil)
        let report = try Verifier.verify(full, against: full).recording(SignatureVerdict(valid: false))
        let reportJSON = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(try SchemaValidator.problems(in: reportJSON, schema: "verification-report.schema.json") == nil)
        var own = report
        own.ownChecksums = OwnChecksumsCheck(file: "control.tar.xz/md5sums", algorithm: "md5")
        let ownJSON = String(decoding: try JSONEncoder().encode(own), as: UTF8.self)
        #expect(try SchemaValidator.problems(in: ownJSON, schema: "verification-report.schema.json") == nil)
    }

    @Test func comparisonSchemaMatchesTheEncodedComparison() throws {
        let temp = try TempDir()
        try temp.write("a/x", "1\n")
        try temp.write("a/gone", "2\n")
        try temp.write("b/x", "changed\n")
        try temp.write("b/new", "3\n")
        let comparison = try BundleComparison.compare(temp.path + "/a", temp.path + "/b")
        #expect(comparison.verdict == .differs)
        let json = try JSONEncoder().encode(comparison)
        let object = try Self.object(Array(json))
        let schema = try Self.load("bundle-comparison.schema.json")
        Self.check(schema, minimal: object, full: object, "comparison")
        try #require(SchemaValidator.isAvailable, "python3 with jsonschema is needed to validate against Schemas/")
        let text = String(decoding: json, as: UTF8.self)
        #expect(try SchemaValidator.problems(in: text, schema: "bundle-comparison.schema.json") == nil)
    }
}
