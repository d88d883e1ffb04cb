import AssayBundle
import Foundation
import Testing

/// A BagIt bag verified as a whole (RFC 8493): declaration, every payload and tag manifest, payload completeness,
/// Payload-Oxum and fetch.txt. Bags are made here with coreutils, as the RFC lays them out.
@Suite struct BagItTests {
    /// A bag in `shipment/` (any folder name) with a payload of three files, one with `%` in its name, SHA-256 and
    /// SHA-512 payload manifests and a SHA-256 tag manifest.
    final class Bag {
        let temp: TempDir
        let path: String

        init(_ temp: TempDir) {
            self.temp = temp
            path = temp.path + "/shipment"
        }
    }

    static func bag() throws -> Bag {
        let temp = try TempDir()
        try temp.write("shipment/data/a.txt", "a\n")
        try temp.write("shipment/data/sub/b.txt", "bb\n")
        try temp.write("shipment/data/100%.txt", "ccc\n")
        let script = """
            cd shipment && printf 'BagIt-Version: 1.0\\nTag-File-Character-Encoding: UTF-8\\n' > bagit.txt
            printf 'Bagging-Date: 2024-01-01\\nPayload-Oxum: 9.3\\n' > bag-info.txt
            for alg in sha256 sha512; do find data -type f | LC_ALL=C sort | xargs ${alg}sum | sed 's/%/%25/g' > manifest-$alg.txt; done
            sha256sum bagit.txt bag-info.txt manifest-sha256.txt manifest-sha512.txt > tagmanifest-sha256.txt
            """
        try temp.run("sh", "-c", script)
        return Bag(temp)
    }

    @Test func intactBagIsCleanAndEveryManifestIsRead() throws {
        let bag = try Self.bag()
        let path = bag.path
        #expect(BagVerifier.isBag(at: path))
        let report = try BagVerifier.verify(bagAt: path)
        #expect(report.clean, "\(report.differences) \(report.findings)")
        #expect(report.algorithm == "sha256")
        #expect(report.summary.matched == 3)
        #expect(report.unlisted.isEmpty)
    }

    @Test func wrongPayloadOxumFails() throws {
        let bag = try Self.bag()
        let (temp, path) = (bag.temp, bag.path)
        try temp.run(
            "sh", "-c",
            "cd shipment && sed -i 's/9.3/9.4/' bag-info.txt && sha256sum bagit.txt bag-info.txt manifest-sha256.txt manifest-sha512.txt > tagmanifest-sha256.txt"
        )
        let report = try BagVerifier.verify(bagAt: path)
        #expect(!report.clean)
        let finding = try #require(report.findings.first { $0.kind == .payloadOxum })
        #expect(finding.line == "error: bag-info.txt: Payload-Oxum 9.4 does not match the payload: 9 bytes in 3 files")
    }

    @Test func payloadFileMissingFromAManifestFails() throws {
        let bag = try Self.bag()
        let (temp, path) = (bag.temp, bag.path)
        try temp.write("shipment/data/extra.txt", "not listed\n")
        let report = try BagVerifier.verify(bagAt: path)
        #expect(!report.clean)
        #expect(report.differences.map(\.kind) == [.added])
        #expect(report.differences.first?.path == "data/extra.txt")
        // Listed by the SHA-256 manifest only: the SHA-512 one must list it too.
        try temp.run("sh", "-c", "cd shipment && sha256sum data/extra.txt >> manifest-sha256.txt")
        let partly = try BagVerifier.verify(bagAt: path)
        #expect(partly.differences.map(\.path) == ["data/extra.txt", "manifest-sha256.txt"])  // tag manifest too
        #expect(!partly.clean)
    }

    @Test func aWrongLineInTheSecondManifestOrATagFileFails() throws {
        let bag = try Self.bag()
        let (temp, path) = (bag.temp, bag.path)
        try temp.run("sh", "-c", "cd shipment && sed -i '1s/^./0/;1s/^0/1/' manifest-sha512.txt")
        let report = try BagVerifier.verify(bagAt: path)
        #expect(report.differences.map(\.kind) == [.modified, .modified])
        #expect(report.differences.contains { $0.algorithm == "sha512" })
        #expect(report.differences.contains { $0.path == "manifest-sha512.txt" })  // the tag manifest noticed too
        let tagBag = try Self.bag()
        let (tagTemp, tagPath) = (tagBag.temp, tagBag.path)
        try tagTemp.write("shipment/bag-info.txt", "Bagging-Date: 2024-01-02\nPayload-Oxum: 9.3\n")
        let tagReport = try BagVerifier.verify(bagAt: tagPath)
        #expect(tagReport.differences.map(\.path) == ["bag-info.txt"])
    }

    @Test func modifiedPayloadIsReportedOnce() throws {
        let bag = try Self.bag()
        let (temp, path) = (bag.temp, bag.path)
        try temp.write("shipment/data/a.txt", "A\n")
        let report = try BagVerifier.verify(bagAt: path)
        #expect(report.differences.map(\.kind) == [.modified])
        #expect(report.summary.matched == 2)
    }

    @Test func fetchItemsNotInTheBagAreErrors() throws {
        let bag = try Self.bag()
        let (temp, path) = (bag.temp, bag.path)
        try temp.write(
            "shipment/fetch.txt", "https://example.com/big.iso 1024 data/big.iso\nhttps://example.com/a - data/a.txt\n")
        let report = try BagVerifier.verify(bagAt: path)
        #expect(!report.clean)
        #expect(report.findings.filter { $0.kind == .fetchItem }.map(\.path) == ["data/big.iso"])
    }

    @Test func md5OnlyBagsVerify() throws {
        let bag = try Self.bag()
        let (temp, path) = (bag.temp, bag.path)
        try temp.run(
            "sh", "-c",
            "cd shipment && rm manifest-* tagmanifest-* && find data -type f | LC_ALL=C sort | xargs md5sum | sed 's/%/%25/g' > manifest-md5.txt"
        )
        let report = try BagVerifier.verify(bagAt: path)
        #expect(report.clean)
        #expect(report.algorithm == "md5")
    }

    @Test func declarationIsReadByContent() throws {
        let temp = try TempDir()
        try temp.write("bag/bagit.txt", "just some notes\n")
        try temp.write("bag/data/a", "x")
        #expect(!BagVerifier.isBag(at: temp.path + "/bag"))
        try temp.write("bag/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: ISO-8859-1\n")
        #expect(BagVerifier.isBag(at: temp.path + "/bag"))
        let error = try #require(throws: BundleError.self) { try BagVerifier.verify(bagAt: temp.path + "/bag") }
        #expect(error.code == "bundle.manifest-invalid")
        #expect(error.description.contains("Tag-File-Character-Encoding"))
    }

    /// A payload manifest on its own is told by content (paths under `data/`), whatever its file name; against the
    /// bag folder it checks the payload, against the payload folder too.
    @Test func lonePayloadManifestChecksThePayload() throws {
        let bag = try Self.bag()
        let (temp, path) = (bag.temp, bag.path)
        try temp.run("cp", path + "/manifest-sha512.txt", temp.path + "/listing")
        let listing = try ManifestCodec.read(contentsOf: temp.path + "/listing")
        #expect(listing.source == "bagit")
        #expect(listing.algorithm == .sha512)
        #expect(try Verifier.verify(bundleAt: path, against: listing).clean)
        #expect(try Verifier.verify(bundleAt: path + "/data", against: listing).clean)
        // A GNU file named like a BagIt manifest is still a GNU file.
        try temp.run("sh", "-c", "cd shipment/data && sha256sum a.txt > ../../manifest-sha256.txt")
        let gnu = try ManifestCodec.read(contentsOf: temp.path + "/manifest-sha256.txt")
        #expect(gnu.source == "gnu")
        #expect(try Verifier.verify(bundleAt: path + "/data", against: gnu).clean)
    }
}
