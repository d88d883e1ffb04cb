import AssayBundle
import AssayCrypto
import Foundation
import Testing

/// Every manifest format writes and reads back; malformed lines name their line number.
@Suite struct ManifestFormatTests {
    /// A manifest with awkward names: spaces, a backslash, a newline, a percent sign, parentheses, a comma.
    static func sample() throws -> Manifest {
        let names = [
            "plain.txt", "with space.txt", "back\\slash", "new\nline", "100%.txt", "paren (1) = x", "a,b.csv",
            "dir/ünï.txt",
        ]
        let entries = try names.enumerated().map { index, name in
            BundleEntry.file(
                EntryPath(name), size: UInt64(index),
                digest: try DigestContext.digest(Array(name.utf8)), executable: false)
        }
        return try Manifest(algorithm: .sha256, coverage: .complete, source: "test", entries: entries)
    }

    @Test(arguments: [ManifestFormat.gnu, .bsd, .bagit])
    func lineFormatsRoundTrip(format: ManifestFormat) throws {
        let manifest = try Self.sample()
        let file = format == .bagit ? "manifest-sha256.txt" : "SUMS"
        let bytes = try ManifestCodec.encode(manifest, as: format)
        #expect(ManifestFormat.detect(bytes) == format)
        let decoded = try ManifestCodec.decode(bytes, file: file)
        #expect(decoded.coverage == .filesOnly)
        #expect(decoded.entries.map(\.path) == manifest.entries.map(\.path))
        #expect(decoded.entries.map(\.digest) == manifest.entries.map(\.digest))
    }

    @Test func hashdeepRoundTripsAndRefusesNewlines() throws {
        let manifest = try Self.sample()
        #expect(throws: BundleError.unrepresentableName(path: "new\nline", format: "hashdeep")) {
            try ManifestCodec.encode(manifest, as: .hashdeep)
        }
        let safe = try Manifest(
            algorithm: .sha256, coverage: .complete, source: "test",
            entries: manifest.entries.filter { !$0.path.bytes.contains(10) })
        let bytes = try ManifestCodec.encode(safe, as: .hashdeep)
        #expect(ManifestFormat.detect(bytes) == .hashdeep)
        let decoded = try ManifestCodec.decode(bytes, file: "x.hashdeep")
        #expect(decoded.entries.map(\.path) == safe.entries.map(\.path))
        #expect(decoded.entries.map(\.size) == safe.entries.map(\.size))
    }

    @Test func assayJSONRoundTripsByteForByte() throws {
        let manifest = try Self.sample()
        let bytes = try ManifestCodec.encode(manifest, as: .assay)
        let decoded = try ManifestCodec.decode(bytes, file: "m.json")
        #expect(decoded == manifest)
        #expect(try ManifestCodec.encode(decoded, as: .assay) == bytes)
        let pretty = try ManifestCodec.encode(manifest, as: .assay, pretty: true)
        #expect(try ManifestCodec.decode(pretty, file: "m.json") == manifest)
    }

    @Test func gnuEscapedFormMatchesCoreutils() throws {
        let temp = try TempDir()
        try temp.write("new\nline", "x")
        try temp.write("back\\slash", "y")
        let sums = temp.path + "/SUMS"
        try temp.run("sh", "-c", "sha256sum 'new\nline' 'back\\slash' > SUMS")
        let manifest = try ManifestCodec.read(contentsOf: sums)
        #expect(manifest.entry(at: EntryPath("new\nline"))?.digest == (try DigestContext.digest(Array("x".utf8))))
        #expect(manifest.entry(at: EntryPath("back\\slash"))?.digest == (try DigestContext.digest(Array("y".utf8))))
        let written = try ManifestCodec.encode(manifest, as: .gnu)
        let coreutils = try Data(contentsOf: URL(fileURLWithPath: sums))
        #expect(
            Set(written.split(separator: 10).map(Array.init))
                == Set(Array(coreutils).split(separator: 10).map(Array.init)))
    }

    @Test func binaryMarkerTaggedLinesAndCRLFAreAccepted() throws {
        let hex = try DigestContext.digest(Array("x".utf8)).hex
        let text = "\(hex) *bin.dat\r\nSHA256 (tagged.txt) = \(hex)\r\n"
        let manifest = try ManifestCodec.decode(Array(text.utf8), file: "SUMS")
        #expect(manifest.entries.map(\.path) == [EntryPath("bin.dat"), EntryPath("tagged.txt")])
    }

    static let malformed: [(text: String, line: Int)] = [
        ("\(String(repeating: "a", count: 64))  ok\nnot a checksum line\n", 2),
        ("\(String(repeating: "a", count: 64))  ok\n\n\(String(repeating: "z", count: 64))  bad-hex\n", 3),
        ("\(String(repeating: "a", count: 64))  ok\n\(String(repeating: "b", count: 128))  other-length\n", 2),
        ("\(String(repeating: "a", count: 64))  same\n\(String(repeating: "b", count: 64))  same\n", 2),
        ("\(String(repeating: "a", count: 64))  ../escape\n", 1),
        ("\\\(String(repeating: "a", count: 64))  bad\\qescape\n", 1),
    ]

    @Test(arguments: malformed.indices)
    func malformedLineIsNamed(index: Int) throws {
        let sample = Self.malformed[index]
        let error = try #require(throws: BundleError.self) {
            try ManifestCodec.decode(Array(sample.text.utf8), file: "SHA256SUMS")
        }
        #expect(error.code == "bundle.manifest-malformed")
        #expect(error.description.hasPrefix("SHA256SUMS:\(sample.line): "), "\(error)")
    }

    @Test func otherFormatsNameTheirMalformedLine() throws {
        let hex = String(repeating: "a", count: 64)
        let bagit = try #require(throws: BundleError.self) {
            try ManifestCodec.decode(Array("\(hex)  payload.txt\n".utf8), file: "manifest-sha256.txt", format: .bagit)
        }
        #expect(bagit.description.contains(":1: "))
        let hashdeep = try #require(throws: BundleError.self) {
            try ManifestCodec.decode(Array("%%%% HASHDEEP-1.0\n1,\(hex),x\n".utf8), file: "h.txt")
        }
        #expect(hashdeep.description.contains(":2: "))
        let dsc = try #require(throws: BundleError.self) {
            try ManifestCodec.decode(
                Array("Format: 3.0\nChecksums-Sha256:\n \(hex) 12 a.tar.gz\n \(hex) b.tar.gz\n".utf8), file: "x.dsc")
        }
        #expect(dsc.description.hasPrefix("x.dsc:4: "))
        #expect(throws: BundleError.unsupportedOutput(format: "debian")) {
            try ManifestCodec.encode(try Self.sample(), as: .debian)
        }
    }

    @Test func jsonManifestErrorsNameTheField() throws {
        var json = String(decoding: try ManifestCodec.encode(try Self.sample(), as: .assay), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"algorithm\":\"sha256\"", with: "\"algorithm\":\"md5\"")
        #expect(throws: BundleError.unknownAlgorithm(name: "md5")) {
            try ManifestCodec.decode(Array(json.utf8), file: "m.json")
        }
        let tampered = String(decoding: try ManifestCodec.encode(try Self.sample(), as: .assay), as: UTF8.self)
            .replacingOccurrences(of: "\"size\":3", with: "\"size\":4")
        let error = try #require(throws: BundleError.self) {
            try ManifestCodec.decode(Array(tampered.utf8), file: "m.json")
        }
        #expect(error.code == "bundle.manifest-invalid")
    }

    @Test func hashdeepFileFromTheRealToolReads() throws {
        let temp = try TempDir()
        try temp.write("tree/a.txt", "a\n")
        try temp.write("tree/sub/b,c.txt", "b\n")
        try temp.run("sh", "-c", "cd tree && hashdeep -c md5,sha256 -r -l . > ../h.txt")
        let expected = try ManifestCodec.read(contentsOf: temp.path + "/h.txt")
        #expect(expected.algorithm == .sha256)
        #expect(try Verifier.verify(bundleAt: temp.path + "/tree", against: expected).clean)
    }
}
