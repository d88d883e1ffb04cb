import AssayBundle
import Foundation
import Testing

/// Real bundles verify against the manifests their publishers wrote, restated as GNU sums files.
@Suite(.enabled(if: Fixtures.available, Fixtures.missing))
struct UpstreamManifestTests {
    @Test func nistBundleVerifiesAgainstItsSHA256SUMS() throws {
        let folder = Fixtures.path("hashes/nist-sha256-bundle")
        let expected = try ManifestCodec.read(contentsOf: folder + "/SHA256SUMS")
        #expect(expected.entries.count == 129)
        let report = try Verifier.verify(bundleAt: folder, against: expected)
        #expect(report.clean)
        #expect(report.summary.matched == 129)
        #expect(report.unlisted == ["SHA256SUMS"])
    }

    /// On the same tampered copy, Assay fails exactly the files `sha256sum -c` fails, and both agree on pass/fail.
    @Test func agreesWithSha256sumCheck() throws {
        let temp = try TempDir()
        try temp.run("cp", "-R", Fixtures.path("hashes/nist-sha256-bundle"), temp.path + "/b")
        let bundle = temp.path + "/b"
        try temp.run("chmod", "-R", "u+w", bundle)
        let sums = try ManifestCodec.read(contentsOf: bundle + "/SHA256SUMS")
        let coreutilsClean = try temp.capture("sh", arguments: ["-c", "cd b && sha256sum -c --quiet SHA256SUMS"])
        #expect(coreutilsClean.status == 0)
        #expect(try Verifier.verify(bundleAt: bundle, against: sums).exitStatus == 0)

        try temp.write("b/short-001-len8.bin", "tampered")
        try FileManager.default.removeItem(atPath: bundle + "/long-000-len1304.bin")
        try temp.write("b/extra.bin", "not listed")
        let coreutils = try temp.capture("sh", arguments: ["-c", "cd b && sha256sum -c --quiet SHA256SUMS"])
        let coreutilsFailed = Set(
            coreutils.output.split(separator: "\n").compactMap { $0.split(separator: ":").first.map(String.init) })
        let report = try Verifier.verify(bundleAt: bundle, against: sums)
        #expect(coreutils.status != 0)
        #expect(report.exitStatus == 1)
        #expect(Set(report.differences.map(\.path)) == coreutilsFailed)
        #expect(report.unlisted.contains("extra.bin"))
    }

    @Test func debianSourcePackageVerifiesAgainstItsSourcesIndex() throws {
        let expected = try ManifestCodec.read(
            contentsOf: Fixtures.path("bundles/upstream-manifests/hello_2.10-3.Sources-index.SHA256SUMS"))
        let report = try Verifier.verify(bundleAt: Fixtures.path("bundles/debian/hello_2.10-3"), against: expected)
        #expect(report.clean)
        #expect(report.summary.matched == 4)
    }

    @Test func debianSourcePackageVerifiesAgainstItsDsc() throws {
        let folder = Fixtures.path("bundles/debian/hello_2.10-3")
        let expected = try ManifestCodec.read(contentsOf: folder + "/hello_2.10-3.dsc")
        #expect(expected.source == "debian")
        #expect(expected.entries.map(\.size) == [12684, 725_946, 819])
        let report = try Verifier.verify(bundleAt: folder, against: expected)
        #expect(report.clean)
        #expect(report.unlisted == ["hello_2.10-3.dsc"])
    }

    @Test func certifiWheelVerifiesAgainstItsRecord() throws {
        let expected = try ManifestCodec.read(
            contentsOf: Fixtures.path(
                "bundles/upstream-manifests/certifi-2026.10.18-py3-none-any.whl.RECORD-as-hex.SHA256SUMS"))
        let report = try Verifier.verify(
            bundleAt: Fixtures.path("bundles/pypi/certifi-2026.10.18-py3-none-any.whl"), against: expected)
        #expect(report.clean)
        #expect(report.summary.matched == expected.entries.count)
        #expect(report.unlisted == ["certifi-2026.10.18.dist-info/RECORD"])
    }

    @Test func singleFileIsHashedAsIsEvenWhenItIsAnArchive() throws {
        let manifest = try BundleReader.read(
            at: Fixtures.path("bundles/debian/hello_2.10-3/hello_2.10.orig.tar.gz"), as: .file)
        #expect(manifest.source == "file")
        #expect(manifest.entries.count == 1)
        let entry = try #require(manifest.entry(at: EntryPath("hello_2.10.orig.tar.gz")))
        #expect(entry.digest?.hex == "31e066137a962676e89f69d1b65382de95a7ef7d914b8cb956f41ea72e0f516b")
        #expect(entry.size == 725_946)
    }

    static let listings = [
        ("pypi/certifi-2026.10.18-py3-none-any.whl", "certifi-2026.10.18-py3-none-any.whl"),
        ("debian/hello_2.10-3/hello_2.10-3.debian.tar.xz", "hello_2.10-3.debian.tar.xz"),
        ("debian/hello_2.10-3/hello_2.10.orig.tar.gz", "hello_2.10.orig.tar.gz"),
        ("git-archives/swift-log-1.16.2.zip", "swift-log-1.16.2.zip"),
        ("git-archives/swift-log-1.16.2.tar", "swift-log-1.16.2.tar"),
        ("git-archives/swift-log-1.16.2.tar.gz", "swift-log-1.16.2.tar.gz"),
    ]

    /// Streaming an archive entry by entry gives the members, types, sizes and digests of the listings.
    @Test(arguments: listings)
    func membersMatchListing(archive: String, listing: String) throws {
        let manifest = try BundleReader.read(
            at: Fixtures.path("bundles/\(archive)"), options: ReadOptions(keepPrefix: true))
        let rows = try Fixtures.tsv("bundles/listings/\(listing).members.tsv")
        for row in rows {
            let member = row[0].hasSuffix("/") ? String(row[0].dropLast()) : row[0]
            let entry = try #require(manifest.entry(at: EntryPath(member)), "\(member) not read")
            switch row[1] {
            case "file":
                #expect(entry.type == .file)
                #expect(entry.size == UInt64(row[2]))
                #expect(entry.digest?.hex == row[4], "\(member)")
            case "dir": #expect(entry.type == .directory)
            case "symlink": #expect(entry.linkTarget == EntryPath(row[6]))
            default: Issue.record("unknown member type \(row[1])")
            }
        }
        // Archives may omit directory entries, which the reader adds; every other entry is listed.
        #expect(manifest.entries.count { $0.type != .directory } == rows.count { $0[1] != "dir" })
    }

    @Test func sha512ManifestReadsAndNeedsSHA512() throws {
        let expected = try ManifestCodec.read(
            contentsOf: Fixtures.path("bundles/upstream-manifests/hello_2.10-3_amd64.data.SHA512SUMS"))
        #expect(expected.algorithm == .sha512)
        let sha256Bundle = try BundleReader.read(at: Fixtures.path("hashes/nist-sha256-bundle"))
        #expect(throws: BundleError.algorithmMismatch(expected: "sha512", actual: "sha256")) {
            try Verifier.verify(sha256Bundle, against: expected)
        }
    }
}
