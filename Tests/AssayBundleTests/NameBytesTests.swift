import AssayBundle
import Foundation
import Testing

/// Names are bytes in every reader: `café` in NFC and in NFD are two files in a tree, and stay two in pax tars
/// (whose path records are UTF-8) and in zips with the UTF-8 flag, as Python writes them.
@Suite struct NameBytesTests {
    static let nfc = "caf\u{E9}"
    static let nfd = "cafe\u{301}"

    /// `t/` with both spellings as files and a symlink whose target is the NFD one.
    static func tree() throws -> TempDir {
        let temp = try TempDir()
        try temp.write("t/" + nfc, "composed\n")
        try temp.write("t/" + nfd, "decomposed\n")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/t/link", withDestinationPath: nfd)
        return temp
    }

    static let archivers: [(name: String, file: String, command: String)] = [
        ("GNU tar pax", "t.tar", "tar --format=pax -cf t.tar t"),
        ("bsdtar pax", "t.tar", "bsdtar --format=pax -cf t.tar t"),
        ("GNU tar gnu", "t.tar", "tar --format=gnu -cf t.tar t"),
        (
            "python tarfile pax", "t.tar",
            """
            python3 -c "
            import tarfile
            with tarfile.open('t.tar', 'w', format=tarfile.PAX_FORMAT) as t:
                t.add('t')
            "
            """
        ),
        (
            "python zipfile", "t.zip",
            """
            python3 -c "
            import os, zipfile
            with zipfile.ZipFile('t.zip', 'w') as z:
                for name in sorted(os.listdir('t')):
                    if not os.path.islink('t/' + name): z.write('t/' + name)
            "
            """
        ),
        ("bsdtar zip", "t.zip", "bsdtar --format=zip --options zip:hdrcharset=UTF-8 -cf t.zip t"),
    ]

    @Test(arguments: archivers.map(\.name))
    func archiveKeepsBothSpellingsLikeTheTree(archiver: String) throws {
        let temp = try Self.tree()
        let archive = try #require(Self.archivers.first { $0.name == archiver })
        try temp.run("sh", "-c", archive.command)
        let tree = try BundleReader.read(at: temp.path + "/t")
        let read = try BundleReader.read(at: temp.path + "/" + archive.file)
        #expect(!read.findings.contains { $0.kind == .duplicateEntry }, "\(read.findings)")
        #expect(read.totals.files == 2)
        #expect(read.entry(at: EntryPath(Self.nfc))?.digest != read.entry(at: EntryPath(Self.nfd))?.digest)
        #expect(read.findings.contains { $0.kind == .unicodeVariant })
        if archive.file.hasSuffix(".tar") {
            #expect(read.entries == tree.entries)
            #expect(read.bundleDigest == tree.bundleDigest)
            #expect(read.entry(at: EntryPath("link"))?.linkTarget == EntryPath(Self.nfd))
        } else {
            #expect(read.entries.filter { $0.type == .file } == tree.entries.filter { $0.type == .file })
        }
    }
}
