import AssayBundle
import AssayCrypto
import Foundation
import Testing

/// Every supported algorithm reads bundles, and their manifests survive the JSON round trip.
@Suite struct AlgorithmTests {
    @Test(arguments: DigestAlgorithm.allCases)
    func bundleDigestUsesTheChosenAlgorithm(algorithm: DigestAlgorithm) throws {
        let temp = try TempDir()
        try temp.write("tree/a.txt", "alpha\n")
        let options = ReadOptions(algorithm: algorithm, toolVersion: "assay 9.9")
        let manifest = try BundleReader.read(at: temp.path + "/tree", options: options)
        #expect(manifest.toolVersion == "assay 9.9")
        #expect(manifest.bundleDigest?.bytes.count == algorithm.outputByteCount)
        #expect(
            manifest.entry(at: EntryPath("a.txt"))?.digest
                == (try DigestContext.digest(Array("alpha\n".utf8), using: algorithm)))
        #expect(try ManifestCodec.decode(ManifestCodec.encode(manifest, as: .assay), file: "m.json") == manifest)
        let tagged = try ManifestCodec.decode(ManifestCodec.encode(manifest, as: .bsd), file: "SUMS")
        #expect(tagged.algorithm == algorithm)
    }

    @Test func unknownAlgorithmIsOneClearError() {
        #expect(throws: BundleError.unknownAlgorithm(name: "md5")) { try DigestAlgorithm.named("md5") }
        #expect(throws: Never.self) { try DigestAlgorithm.named("SHA3-512") }
        #expect(BundleError.unknownAlgorithm(name: "md5").description.contains("sha256"))
    }

    @Test func sha3ListingNeedsTheAlgorithmHint() throws {
        let text = "\(try DigestContext.digest(Array("x".utf8), using: .sha3_256).hex)  x\n"
        #expect(try ManifestCodec.decode(Array(text.utf8), file: "SUMS").algorithm == .sha256)
        #expect(try ManifestCodec.decode(Array(text.utf8), file: "SUMS", algorithm: .sha3_256).algorithm == .sha3_256)
    }

    @Test func archiveByteLimitAndProgress() throws {
        let temp = try TempDir()
        try temp.write("proj/a.bin", String(repeating: "a", count: 200_000))
        try temp.write("proj/b.bin", "b")
        try temp.run("tar", "-czf", "p.tgz", "proj")
        let limited = ReadOptions(limits: Limits(maxTotalBytes: 100_000))
        let error = try #require(throws: BundleError.self) {
            try BundleReader.read(at: temp.path + "/p.tgz", options: limited)
        }
        #expect(error.code == "bundle.limit-exceeded")
        let last = LastProgress()
        _ = try BundleReader.read(at: temp.path + "/p.tgz", options: ReadOptions(progress: { last.set($0) }))
        #expect(last.value?.files == 2)
        #expect(last.value?.bytes == 200_001)
    }
}
