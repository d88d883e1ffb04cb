import AssayBundle
import Foundation
import Testing

/// A compressed archive is read to the end of its compressed stream, not just to the tar's end marker: a cut
/// trailer (gzip CRC-32 and length, xz index, bzip2 and zstd end of stream) is truncation, and bytes after the last
/// gzip member that are not padding are a finding.
@Suite struct CompressedTailTests {
    /// `p.tar` holding 300 KB of random bytes and a text file, compressed by `compressor` into `p.tar.z`.
    static func archive(_ compressor: String) throws -> TempDir {
        let temp = try ArchiveFormatTests.project()
        let noise = (0..<300_000).map { _ in UInt8.random(in: 0...255) }
        try Data(noise).write(to: URL(fileURLWithPath: temp.path + "/proj/noise.bin"))
        try temp.run("sh", "-c", "tar -cf p.tar proj && \(compressor) -c p.tar > p.tar.z")
        return temp
    }

    @Test(arguments: ["gzip", "xz", "bzip2", "zstd"], [1, 8, 20])
    func cutTailIsTruncation(compressor: String, cut: Int) throws {
        let temp = try Self.archive(compressor)
        #expect(
            try BundleReader.read(at: temp.path + "/p.tar.z").bundleDigest
                == BundleReader.read(at: temp.path + "/p.tar").bundleDigest)
        try temp.run("sh", "-c", "head -c -\(cut) p.tar.z > cut.tar.z")
        #expect(try temp.capture(compressor, arguments: ["-t", "cut.tar.z"]).status != 0)
        let error = try #require(throws: BundleError.self) { try BundleReader.read(at: temp.path + "/cut.tar.z") }
        #expect(error.code == "bundle.archive-truncated", "\(error)")
    }

    @Test func trailingGarbageAfterGzipIsAFindingAndZeroPaddingIsNot() throws {
        let temp = try Self.archive("gzip")
        try temp.run("sh", "-c", "cp p.tar.z padded.tgz && head -c 512 /dev/zero >> padded.tgz")
        try temp.run("sh", "-c", "cp p.tar.z garbage.tgz && printf 'appended\\n' >> garbage.tgz")
        let padded = try BundleReader.read(at: temp.path + "/padded.tgz")
        #expect(!padded.findings.contains { $0.kind == .trailingData })
        let garbage = try BundleReader.read(at: temp.path + "/garbage.tgz")
        let finding = try #require(garbage.findings.first { $0.kind == .trailingData })
        #expect(finding.severity == .error)
        #expect(finding.message == "9 bytes of trailing garbage after the last gzip member, not covered by any entry")
        #expect(garbage.bundleDigest == padded.bundleDigest)
        #expect(try !Verifier.verify(garbage, against: padded).clean)
    }

    @Test func aSecondMemberAfterTheTarIsReadToItsEnd() throws {
        let temp = try Self.archive("gzip")
        try temp.run(
            "sh", "-c", "cp p.tar.z two.tgz && printf 'more' | gzip >> two.tgz && head -c -4 two.tgz > cut.tgz")
        #expect(try BundleReader.read(at: temp.path + "/two.tgz").findings.allSatisfy { $0.kind != .trailingData })
        let error = try #require(throws: BundleError.self) { try BundleReader.read(at: temp.path + "/cut.tgz") }
        #expect(error.code == "bundle.archive-truncated")
    }

    /// Each member's CRC-32 and length are checked against its trailer, whichever member and whichever field is
    /// wrong, in zlib's words; a member's header CRC (FHCRC, which `gzip` never writes) is checked too.
    @Test func everyMembersTrailerAndHeaderCRCAreChecked() throws {
        let temp = try Self.archive("gzip")
        try temp.run("sh", "-c", "head -c 100000 p.tar | gzip -n > one.gz && tail -c +100001 p.tar | gzip -n > rest.gz")
        try temp.run("sh", "-c", "cat one.gz rest.gz > two.tgz")
        let plain = try BundleReader.read(at: temp.path + "/p.tar").bundleDigest
        #expect(try BundleReader.read(at: temp.path + "/two.tgz").bundleDigest == plain)
        let two = [UInt8](try Data(contentsOf: URL(fileURLWithPath: temp.path + "/two.tgz")))
        let second = try Data(contentsOf: URL(fileURLWithPath: temp.path + "/one.gz")).count
        let damages: [(offset: Int, message: String)] = [
            (second - 8, "incorrect data check"), (second - 2, "incorrect length check"),
            (two.count - 7, "incorrect data check"), (two.count - 3, "incorrect length check"),
        ]
        for damage in damages {
            var bytes = two
            bytes[damage.offset] ^= 0x01
            try Data(bytes).write(to: URL(fileURLWithPath: temp.path + "/bad.tgz"))
            let error = try #require(throws: BundleError.self) { try BundleReader.read(at: temp.path + "/bad.tgz") }
            #expect(error.code == "bundle.archive-corrupt", "\(damage)")
            #expect(error.description.contains("gzip data error: \(damage.message)"), "\(error)")
        }
        // The first member again with FHCRC set and a header CRC after the 10 header bytes: right, then wrong.
        var header = Array(two[0..<10])
        header[3] |= 0x02
        let headerCRC = Self.crc32(header)
        for (crc, reads) in [(headerCRC, true), (headerCRC ^ 1, false)] {
            let bytes = header + [UInt8(crc & 0xff), UInt8(crc >> 8 & 0xff)] + two[10...]
            try Data(bytes).write(to: URL(fileURLWithPath: temp.path + "/hcrc.tgz"))
            if reads {
                #expect(try BundleReader.read(at: temp.path + "/hcrc.tgz").bundleDigest == plain)
            } else {
                let error = try #require(throws: BundleError.self) {
                    try BundleReader.read(at: temp.path + "/hcrc.tgz")
                }
                #expect(error.description.contains("gzip data error: header crc mismatch"), "\(error)")
            }
        }
    }

    /// gzip's CRC-32, bit by bit.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? crc >> 1 ^ 0xedb8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
