import AssayTestSupport
import Foundation
import Testing

/// `bundle hash|verify|diff` on packages, run with the built binary: Debian's published hello and .deb files built
/// here by dpkg-deb.
@Suite(.enabled(if: Paths.fixturesAvailable, "needs ../shared/fixtures (Debian's hello .deb)"))
struct PackageCommandTests {
    let directory = TemporaryDirectory()
    static let hello = Paths.fixtures + "/bundles/debian/hello_2.10-3_amd64.deb"

    /// Runs a shell script in the test folder; fails the test when it fails.
    func shell(_ script: String) throws {
        let run = try ChildProcess.run("/bin/sh", ["-c", "cd '\(directory.path)' && " + script])
        try #require(run.exitCode == 0, "\(script): \(run.stderr)")
    }

    @Test func hashReportsThePackageBesideThePayloadDigest() throws {
        let manifest = directory.file("hello.json")
        let hashed = try AssayProcess.run(["bundle", "hash", Self.hello, "-o", manifest])
        #expect(hashed.exitCode == 0, "\(hashed.stderr)")
        #expect(
            hashed.stderr.contains(
                "package: hello 2.10-3 amd64 (deb; payload data.tar.xz; control: control, md5sums); control data is "
                    + "not part of the bundle digest"))
        let json = try String(contentsOfFile: manifest, encoding: .utf8)
        #expect(try SchemaValidator.problems(in: json, schema: "manifest.schema.json") == nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let package = try #require(object["package"] as? [String: Any])
        #expect(package["name"] as? String == "hello" && package["version"] as? String == "2.10-3")
        #expect(object["source"] as? String == "deb")
        let lines = try AssayProcess.run(["bundle", "hash", Self.hello, "--format", "sha256sum"])
        #expect(lines.stdout.contains("  usr/bin/hello\n"))
        #expect(try AssayProcess.run(["bundle", "verify", Self.hello, "--manifest", manifest]).exitCode == 0)
    }

    @Test func verifyAgainstItsOwnMd5sumsAnExtractedTreeAndTheTreesManifest() throws {
        let own = try AssayProcess.run(["bundle", "verify", Self.hello, "--own-checksums"])
        #expect(own.exitCode == 0, "\(own.stdout)\(own.stderr)")
        #expect(
            own.stdout.contains(
                "note: checked against the package's own control.tar.xz/md5sums (MD5, a weak digest): a consistency "
                    + "check, not a security check"))
        #expect(own.stdout.contains("OK \(Self.hello): 49 paths match"))
        let json = try AssayProcess.run(["bundle", "verify", Self.hello, "--own-checksums", "--format", "json"])
        #expect(try SchemaValidator.problems(in: json.stdout, schema: "verification-report.schema.json") == nil)
        #expect(json.stdout.contains("\"strength\" : \"consistency\""))
        try shell("dpkg-deb -x '\(Self.hello)' tree")
        let tree = directory.file("tree")
        #expect(try AssayProcess.run(["bundle", "hash", tree, "-o", directory.file("tree.json")]).exitCode == 0)
        let manifest = try AssayProcess.run(["bundle", "verify", Self.hello, "--manifest", directory.file("tree.json")])
        #expect(manifest.exitCode == 0, "\(manifest.stdout)")
        #expect(manifest.stdout.contains("OK \(Self.hello): 142 paths match"))
        try shell("rm tree/usr/share/doc/hello/NEWS.gz")
        let against = try AssayProcess.run(["bundle", "verify", Self.hello, "--against", tree])
        #expect(against.exitCode == 1)
        #expect(against.stdout.contains("added              usr/share/doc/hello/NEWS.gz"))
        let notPackage = try AssayProcess.run(["bundle", "verify", directory.file("tree.json"), "--own-checksums"])
        #expect(notPackage.exitCode == 2)
        #expect(notPackage.stderr.hasPrefix("assay: error[bundle.no-own-checksums]: "))
    }

    @Test func diffTellsSameContentFromChangedMembers() throws {
        try shell(
            """
            mkdir -p pkg/DEBIAN pkg/usr/bin && printf '#!/bin/sh\\necho demo\\n' > pkg/usr/bin/demo \
            && chmod 755 pkg/usr/bin/demo \
            && printf 'Package: demo\\nVersion: 1.0\\nArchitecture: all\\nMaintainer: A <a@example.org>\\nDescription: d\\n' \
            > pkg/DEBIAN/control \
            && dpkg-deb --root-owner-group -Zxz --build pkg a.deb && touch -d 2001-01-01 pkg/usr/bin/demo \
            && dpkg-deb -Zzstd --build pkg b.deb && echo 'echo more' >> pkg/usr/bin/demo \
            && dpkg-deb -Zxz --build pkg c.deb && head -c -100 a.deb > cut.deb
            """)
        let same = try AssayProcess.run(["bundle", "diff", directory.file("a.deb"), directory.file("b.deb")])
        #expect(same.exitCode == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.contains("SAME CONTENT"))
        #expect(same.stdout.contains("only archive metadata differs (mtimes, owners, member order, compression)"))
        #expect(same.stdout.contains("note: package metadata differs (not part of the content): members, payload"))
        let json = try AssayProcess.run([
            "bundle", "diff", directory.file("a.deb"), directory.file("c.deb"), "--format", "json",
        ])
        #expect(json.exitCode == 1)
        #expect(try SchemaValidator.problems(in: json.stdout, schema: "bundle-comparison.schema.json") == nil)
        let differs = try AssayProcess.run(["bundle", "diff", directory.file("a.deb"), directory.file("c.deb")])
        #expect(differs.exitCode == 1)
        #expect(differs.stdout.contains("changed  usr/bin/demo (modified)\n"))
        #expect(differs.stdout.contains("DIFFERS"))
        let cut = try AssayProcess.run(["bundle", "diff", directory.file("a.deb"), directory.file("cut.deb")])
        #expect(cut.exitCode == 2)
        #expect(
            cut.stderr.hasPrefix(
                "assay: error[bundle.archive-truncated]: \(directory.file("cut.deb")): archive "
                    + "is truncated at entry 'data.tar.xz'"))
    }

    @Test func aPackageIsDepositedAndItsExtractedTreeVerifiesAgainstTheDeposit() throws {
        let db = directory.file("assay.sqlite")
        func assay(_ arguments: String...) throws -> RunResult { try AssayProcess.run(arguments, database: db) }
        #expect(try assay("vendor", "add", "GNU", "--country", "US").exitCode == 0)
        let offer = try assay(
            "escrow", "offer", "add", "GNU", "--kind", "agent-deposit", "--agent", "Escrow agent",
            "--terms", "binary deposit", "--offered-on", "2024-01-01", "--source", "https://example.com/offer")
        #expect(offer.exitCode == 0, "\(offer.stderr)")
        let deposit = try assay("escrow", "deposit", "1", Self.hello, "--label", "2.10-3")
        #expect(deposit.exitCode == 0, "\(deposit.stderr)")
        #expect(deposit.stdout.hasPrefix("Recorded deposit #1 under offer #1 (GNU): 49 files, 160387 bytes"))
        try shell("dpkg-deb -x '\(Self.hello)' tree")
        let verified = try assay("escrow", "verify", "1", directory.file("tree"))
        #expect(verified.exitCode == 0, "\(verified.stdout)\(verified.stderr)")
        try shell("echo tampered >> tree/usr/bin/hello")
        let tampered = try assay("escrow", "verify", "1", directory.file("tree"))
        #expect(tampered.exitCode == 1)
        #expect(tampered.stdout.contains("usr/bin/hello"))
    }
}
