import AssayBundle
import Foundation
import Testing

/// `.deb`, `.rpm` and `.ipk` read as the bundle of their installed payload: Debian's published hello, and packages
/// built here by dpkg-deb, rpmbuild, ar and tar from one tree.
@Suite struct PackageTests {
    static let hello = Fixtures.path("bundles/debian/hello_2.10-3_amd64.deb")

    /// A tree as a package installs it (a script, a document, a symlink, a hardlink), with `DEBIAN/control` and
    /// `md5sums`.
    static func tree() throws -> TempDir {
        let temp = try TempDir()
        try temp.write("pkg/usr/bin/demo", "#!/bin/sh\necho demo\n", executable: true)
        try temp.write("pkg/usr/share/doc/demo/README", "demo package\n")
        try temp.write(
            "pkg/DEBIAN/control",
            "Package: demo\nVersion: 1.0-1\nArchitecture: all\nMaintainer: A <a@example.org>\nDescription: demo\n x\n")
        try temp.run(
            "sh", "-c",
            "ln -s demo pkg/usr/bin/demo-link && ln pkg/usr/bin/demo pkg/usr/bin/demo-hard && cd pkg && md5sum usr/bin/demo usr/share/doc/demo/README > DEBIAN/md5sums"
        )
        return temp
    }

    /// Builds `name` from the tree with `dpkg-deb --build` and its compression option.
    static func deb(_ temp: TempDir, _ name: String, compression: String = "xz") throws -> String {
        try temp.run("dpkg-deb", "--root-owner-group", "-Z\(compression)", "--build", "pkg", name)
        return temp.path + "/" + name
    }

    static func digest(_ path: String) throws -> String? {
        try BundleReader.read(at: path).bundleDigest?.hex
    }

    @Test(.enabled(if: Fixtures.available, Fixtures.missing))
    func debiansHelloIsReadAsItsInstalledPayload() throws {
        let manifest = try BundleReader.read(at: Self.hello)
        #expect(manifest.source == "deb")
        #expect(manifest.strippedPrefix == nil)
        let hello = try #require(manifest.entry(at: EntryPath("usr/bin/hello")))
        #expect(hello.executable == true && hello.size == 31448)
        #expect(manifest.entries.allSatisfy { !$0.path.description.hasPrefix(".") })
        #expect(manifest.totals.files == 49)
        #expect(
            manifest.package
                == PackageMetadata(
                    format: .deb, name: "hello", version: "2.10-3", architecture: "amd64",
                    members: ["debian-binary", "control.tar.xz", "data.tar.xz"], controlFiles: ["control", "md5sums"],
                    payload: "data.tar.xz"))
        #expect(!manifest.hasErrorFindings)
        #expect(!manifest.findings.contains { $0.kind == .noBuildInstructions })
    }

    @Test(.enabled(if: Fixtures.available, Fixtures.missing))
    func debiansHelloVerifiesAgainstItsOwnMd5sums() throws {
        let report = try Verifier.verify(ownChecksumsOfPackageAt: Self.hello)
        #expect(report.clean)
        #expect(report.algorithm == "md5")
        #expect(report.summary.matched == 49 && report.unlisted.isEmpty)
        #expect(report.ownChecksums == OwnChecksumsCheck(file: "control.tar.xz/md5sums", algorithm: "md5"))
        #expect(report.ownChecksums?.note.contains("a consistency check, not a security check") == true)
        #expect(report.package?.name == "hello")
    }

    @Test(.enabled(if: Fixtures.available, Fixtures.missing))
    func debiansHelloMatchesItsExtractedTree() throws {
        let temp = try TempDir()
        try temp.run("dpkg-deb", "-x", Self.hello, "tree")
        let report = try Verifier.verify(bundleAt: Self.hello, againstBundleAt: temp.path + "/tree")
        #expect(report.clean, "\(report.differences)")
        #expect(report.summary.matched == 142)
        // The same through a manifest written from the tree, as `bundle hash DIR -o m.json` writes it.
        let bytes = try ManifestCodec.encode(try BundleReader.read(at: temp.path + "/tree"), as: .assay)
        let manifest = try ManifestCodec.decode(bytes, file: "m.json")
        #expect(try Verifier.verify(bundleAt: Self.hello, against: manifest).clean)
        try temp.run("sh", "-c", "printf x >> tree/usr/share/doc/hello/NEWS.gz && rm tree/usr/bin/hello")
        let changed = try Verifier.verify(bundleAt: Self.hello, againstBundleAt: temp.path + "/tree")
        #expect(
            changed.differences.map { "\($0.kind.rawValue) \($0.path)" }
                == ["added usr/bin/hello", "modified usr/share/doc/hello/NEWS.gz"])
    }

    @Test func rebuildsWithOtherMtimesOwnersAndCompressionHaveTheSameDigest() throws {
        let temp = try Self.tree()
        let xz = try Self.deb(temp, "xz.deb")
        let reference = try #require(try Self.digest(xz))
        for compression in ["gzip", "zstd", "none"] {
            #expect(try Self.digest(Self.deb(temp, "\(compression).deb", compression: compression)) == reference)
        }
        try temp.run(
            "sh", "-c",
            "touch -d 2001-02-03 pkg/usr/bin/demo pkg/usr/share/doc/demo && dpkg-deb -Zxz --build pkg owners.deb")
        #expect(try Self.digest(temp.path + "/owners.deb") == reference)
        let same = try BundleComparison.compare(xz, temp.path + "/owners.deb")
        #expect(same.verdict == .sameContent && same.exitStatus == 0 && same.diff.isEmpty)
        #expect(same.metadataDifferences.isEmpty)
        let zstd = try BundleComparison.compare(xz, temp.path + "/zstd.deb")
        #expect(zstd.verdict == .sameContent && zstd.metadataDifferences == ["members", "payload"])
        #expect(try BundleComparison.compare(xz, xz).verdict == .identical)
        // One file changed: another digest, and the diff names the member.
        try temp.run("sh", "-c", "echo patched >> pkg/usr/share/doc/demo/README && echo x > pkg/usr/bin/new")
        let changed = try Self.deb(temp, "changed.deb")
        #expect(try Self.digest(changed) != reference)
        let differs = try BundleComparison.compare(xz, changed)
        #expect(differs.verdict == .differs && differs.exitStatus == 1)
        #expect(differs.diff.changed.map(\.path) == ["usr/share/doc/demo/README"])
        #expect(differs.diff.added.map(\.path) == ["usr/bin/new"])
        let own = try Verifier.verify(ownChecksumsOfPackageAt: changed)
        #expect(!own.clean && own.differences.map(\.path) == ["usr/share/doc/demo/README"])
        #expect(own.unlisted == ["usr/bin/demo-hard", "usr/bin/demo-link", "usr/bin/new"])
    }

    @Test func ipkInBothLayoutsAndRpmHaveTheDebsDigest() throws {
        let temp = try Self.tree()
        let reference = try Self.digest(Self.deb(temp, "demo.deb"))
        try temp.run(
            "sh", "-c",
            """
            mkdir ipk && cd ipk && echo 2.0 > debian-binary && tar -C ../pkg/DEBIAN -czf control.tar.gz ./control \
            && tar -C ../pkg --exclude=./DEBIAN -czf data.tar.gz . \
            && ar -rc ../demo-ar.ipk debian-binary control.tar.gz data.tar.gz \
            && tar -czf ../demo-tar.ipk ./debian-binary ./data.tar.gz ./control.tar.gz \
            && cp ../demo-tar.ipk ../no-extension
            """)
        for name in ["demo-ar.ipk", "demo-tar.ipk", "no-extension"] {
            let manifest = try BundleReader.read(at: temp.path + "/" + name)
            #expect(manifest.bundleDigest?.hex == reference, "\(name)")
            #expect(manifest.package?.format == .ipk && manifest.package?.name == "demo", "\(name)")
            #expect(manifest.package?.payload == "data.tar.gz")
        }
        let error = try #require(throws: BundleError.self) {
            try Verifier.verify(ownChecksumsOfPackageAt: temp.path + "/demo-ar.ipk")
        }
        #expect(error.code == "bundle.no-own-checksums")
        let rpm = try Self.rpm(temp)
        let manifest = try BundleReader.read(at: rpm)
        #expect(manifest.bundleDigest?.hex == reference)
        // cpio keeps a hardlinked file's content with its last link: both links have it.
        let linked = [EntryPath("usr/bin/demo"), EntryPath("usr/bin/demo-hard")].map { manifest.entry(at: $0)?.size }
        #expect(linked == [20, 20])
        #expect(manifest.source == "rpm")
        #expect(
            manifest.package
                == PackageMetadata(
                    format: .rpm, name: "demo", version: "1.0", release: "1", architecture: "noarch",
                    members: ["lead", "signature", "header", "payload"], payload: "cpio.xz"))
    }

    /// Builds `demo-1.0-1.noarch.rpm` from the tree with rpmbuild (xz payload).
    static func rpm(_ temp: TempDir) throws -> String {
        try temp.write(
            "demo.spec",
            """
            Name: demo
            Version: 1.0
            Release: 1
            Summary: demo
            License: MIT
            BuildArch: noarch
            %description
            demo
            %install
            cp -a %{_sourcedir}/pkg/usr %{buildroot}/
            %files
            /usr/bin/demo
            /usr/bin/demo-link
            /usr/bin/demo-hard
            %dir /usr/share/doc/demo
            /usr/share/doc/demo/README

            """)
        try temp.run(
            "rpmbuild", "-bb", "--define", "_topdir \(temp.path)/rpm", "--define", "_sourcedir \(temp.path)",
            "--define", "_binary_payload w6.xzdio", "--define", "__os_install_post %{nil}", "demo.spec")
        return temp.path + "/rpm/RPMS/noarch/demo-1.0-1.noarch.rpm"
    }

    @Test func truncatedPackagesAreTruncationNamingTheMember() throws {
        let temp = try Self.tree()
        let deb = try Self.deb(temp, "demo.deb")
        _ = try Self.deb(temp, "plain.deb", compression: "none")
        try temp.run(
            "sh", "-c",
            """
            head -c 600 demo.deb > cut-early.deb && head -c -60 demo.deb > cut-late.deb \
            && head -c -700 plain.deb > cut-plain.deb \
            && mkdir inner && cd inner && ar x ../demo.deb && head -c -20 data.tar.xz > d && mv d data.tar.xz \
            && ar -rc ../inner-cut.deb debian-binary control.tar.xz data.tar.xz
            """)
        let cases = [
            ("cut-early.deb", "data.tar.xz"), ("cut-late.deb", "data.tar.xz"), ("cut-plain.deb", "data.tar"),
            ("inner-cut.deb", "data.tar.xz"),
        ]
        for (name, member) in cases {
            let error = try #require(throws: BundleError.self) { try BundleReader.read(at: temp.path + "/" + name) }
            #expect(error.code == "bundle.archive-truncated", "\(name): \(error)")
            guard case .archiveTruncated(_, let entry, _) = error else { continue }
            #expect(entry?.hasPrefix(member) == true, "\(name): \(error)")
        }
        #expect(try BundleReader.read(at: deb).package?.name == "demo")
        let rpm = try Self.rpm(temp)
        try temp.run("sh", "-c", "head -c -40 \(rpm) > cut.rpm && head -c 500 \(rpm) > cut-header.rpm")
        let payload = try #require(throws: BundleError.self) { try BundleReader.read(at: temp.path + "/cut.rpm") }
        #expect(
            payload
                == .archiveTruncated(
                    path: temp.path + "/cut.rpm", entry: "payload cpio.xz",
                    reason: "Lzma library error:  No progress is possible"))
        let header = try #require(throws: BundleError.self) {
            try BundleReader.read(at: temp.path + "/cut-header.rpm")
        }
        #expect(header.code == "bundle.archive-truncated" && header.description.contains("rpm signature header"))
    }

    @Test func hostileMembersOfThePayloadAreFindings() throws {
        let temp = try Self.tree()
        try HostilePathTests.tar(
            temp, "data.tar",
            members: [("file", "./usr/bin/ok", "ok\n"), ("file", "../../etc/evil", "x"), ("file", "/etc/abs", "y")])
        try temp.run(
            "sh", "-c",
            """
            echo 2.0 > debian-binary && tar -C pkg/DEBIAN -cJf control.tar.xz ./control && xz -k data.tar \
            && ar -rc hostile.deb debian-binary control.tar.xz data.tar.xz \
            && ar -rc two-data.deb debian-binary control.tar.xz data.tar.xz && ar -q two-data.deb data.tar.xz \
            && ar -rc no-version.deb control.tar.xz data.tar.xz debian-binary
            """)
        let manifest = try BundleReader.read(at: temp.path + "/hostile.deb")
        #expect(manifest.entries.map(\.path.description) == ["usr", "usr/bin", "usr/bin/ok"])
        #expect(
            Set(manifest.findings.filter { $0.severity == .error }.map(\.kind)) == [.parentComponent, .absolutePath])
        #expect(try !Verifier.verify(manifest, against: manifest).clean)
        // A second data member is listed and never hashed: the payload is the first, as dpkg reads it.
        let twice = try BundleReader.read(at: temp.path + "/two-data.deb")
        #expect(twice.package?.members == ["debian-binary", "control.tar.xz", "data.tar.xz", "data.tar.xz"])
        let error = try #require(throws: BundleError.self) { try BundleReader.read(at: temp.path + "/no-version.deb") }
        #expect(error.code == "bundle.unrecognized-format")
        let limited = ReadOptions(limits: Limits(maxEntries: 2))
        let limit = try #require(throws: BundleError.self) {
            try BundleReader.read(at: temp.path + "/hostile.deb", options: limited)
        }
        #expect(limit.code == "bundle.limit-exceeded")
    }
}
