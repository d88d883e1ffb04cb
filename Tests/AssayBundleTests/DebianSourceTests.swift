import AssayBundle
import AssayCrypto
import Foundation
import Testing

/// Every checksum field of a Debian `.dsc` is checked (`Checksums-Sha256`, `Checksums-Sha1`, `Files` MD5), in plain
/// and OpenPGP clear-signed files; only the signed text counts.
@Suite struct DebianSourceTests {
    /// A source package folder with two files and a `.dsc` listing them in three fields, digests from coreutils.
    static func package(signed: Bool) throws -> TempDir {
        let temp = try TempDir()
        try temp.write("pkg/demo_1.0.orig.tar.gz", "upstream source\n")
        try temp.write("pkg/demo_1.0-1.debian.tar.xz", "packaging\n")
        let script = """
            cd pkg && for f in demo_1.0.orig.tar.gz demo_1.0-1.debian.tar.xz; do s=$(stat -c %s $f)
              echo " $(sha1sum $f | cut -d' ' -f1) $s $f" >> ../sha1; echo " $(sha256sum $f | cut -d' ' -f1) $s $f" >> ../sha256
              echo " $(md5sum $f | cut -d' ' -f1) $s $f" >> ../md5; done
            """
        try temp.run("sh", "-c", script)
        let field = { (name: String) in try String(contentsOfFile: temp.path + "/" + name, encoding: .utf8) }
        var text = "Format: 3.0 (quilt)\nSource: demo\nVersion: 1.0-1\n"
        text +=
            "Checksums-Sha1:\n\(try field("sha1"))Checksums-Sha256:\n\(try field("sha256"))Files:\n\(try field("md5"))"
        if signed {
            text =
                "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n\(text)\n-----BEGIN PGP SIGNATURE-----\n\n"
                + "iQEzBAEBCAAdFiEE1Uw7+v+wQt44LaXXQc5/C58bizIFAmOp5ssACgkQQc5/C58b\n=kNoz\n-----END PGP SIGNATURE-----\n"
        }
        try temp.write("pkg/demo_1.0-1.dsc", text)
        return temp
    }

    static func verify(_ temp: TempDir) throws -> VerificationReport {
        try Verifier.verify(
            bundleAt: temp.path + "/pkg", against: ManifestCodec.read(contentsOf: temp.path + "/pkg/demo_1.0-1.dsc"))
    }

    /// Changes one field's line for `demo_1.0.orig.tar.gz` to a wrong digest of the right length.
    static func corrupt(_ temp: TempDir, field: String) throws {
        let path = temp.path + "/pkg/demo_1.0-1.dsc"
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: field + ":"))
        let index = try #require(lines[(start + 1)...].firstIndex { $0.hasSuffix(" demo_1.0.orig.tar.gz") })
        let digest = String(lines[index].dropFirst().prefix { $0 != " " })
        lines[index] = lines[index].replacingOccurrences(of: digest, with: String(repeating: "0", count: digest.count))
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test(arguments: [false, true])
    func everyFieldIsReadAndTheIntactPackageIsClean(signed: Bool) throws {
        let temp = try Self.package(signed: signed)
        let expected = try ManifestCodec.read(contentsOf: temp.path + "/pkg/demo_1.0-1.dsc")
        #expect(expected.algorithm == .sha256)
        #expect(expected.alternates.map(\.algorithm) == [.sha1, .md5])
        let report = try Self.verify(temp)
        #expect(report.clean)
        #expect(report.summary.matched == 2)
    }

    @Test(arguments: [("Checksums-Sha256", nil), ("Checksums-Sha1", "sha1"), ("Files", "md5")])
    func aWrongLineInAnyFieldFails(field: String, algorithm: String?) throws {
        let temp = try Self.package(signed: true)
        try Self.corrupt(temp, field: field)
        let report = try Self.verify(temp)
        #expect(!report.clean)
        #expect(report.exitStatus == 1)
        #expect(report.differences.map(\.kind) == [.modified])
        #expect(report.differences.first?.path == "demo_1.0.orig.tar.gz")
        #expect(report.differences.first?.algorithm == algorithm)
        #expect(report.summary.matched == 1)
    }

    @Test func fieldsOutsideTheSignedTextAreRefused() throws {
        let temp = try Self.package(signed: true)
        let path = temp.path + "/pkg/demo_1.0-1.dsc"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
        try (text + "Checksums-Sha512:\n \(String(repeating: "0", count: 128)) 1 evil\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let error = try #require(throws: BundleError.self) { try ManifestCodec.read(contentsOf: path) }
        #expect(
            error.description
                == "\(path):\(lineCount): malformed manifest line: text outside the OpenPGP signed message")
    }

    @Test func dashEscapedLinesAreUnescapedAndTextBeforeTheMessageRefused() throws {
        let hex = String(repeating: "a", count: 64)
        let text =
            "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nChecksums-Sha256:\n \(hex) 1 x\n- --\n"
            + "-----BEGIN PGP SIGNATURE-----\nAAAA\n-----END PGP SIGNATURE-----\n"
        #expect(ManifestFormat.detect(Array(text.utf8)) == .debian)
        #expect(try ManifestCodec.decode(Array(text.utf8), file: "x.dsc").entries.map(\.path) == [EntryPath("x")])
        #expect(
            throws: BundleError.malformedManifest(
                file: "x.dsc", line: 1, reason: "text outside the OpenPGP signed message")
        ) {
            try ManifestCodec.decode(Array(("Files:\n" + text).utf8), file: "x.dsc")
        }
    }

    @Test(.enabled(if: Fixtures.available, Fixtures.missing))
    func realDscWithAWrongMD5LineFails() throws {
        let temp = try TempDir()
        try temp.run("cp", "-R", Fixtures.path("bundles/debian/hello_2.10-3"), temp.path + "/pkg")
        try temp.run("chmod", "-R", "u+w", temp.path + "/pkg")
        let dsc = temp.path + "/pkg/hello_2.10-3.dsc"
        #expect(try Verifier.verify(bundleAt: temp.path + "/pkg", against: ManifestCodec.read(contentsOf: dsc)).clean)
        let text = try String(contentsOfFile: dsc, encoding: .utf8)
            .replacingOccurrences(of: "27ab798c1d8d9048ffc8127e9b8dbfca", with: "27ab798c1d8d9048ffc8127e9b8dbfcb")
        try text.write(toFile: dsc, atomically: true, encoding: .utf8)
        let report = try Verifier.verify(bundleAt: temp.path + "/pkg", against: ManifestCodec.read(contentsOf: dsc))
        #expect(report.differences.map(\.path) == ["hello_2.10-3.debian.tar.xz"])
        #expect(report.differences.first?.algorithm == "md5")
    }
}
