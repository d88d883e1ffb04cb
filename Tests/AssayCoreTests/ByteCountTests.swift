import AssayCore
import Testing

/// Sizes are whole numbers with an optional binary unit; anything else is refused with a stable code.
@Suite struct ByteCountTests {
    @Test(
        arguments: [
            ("0", 0), ("500000", 500_000), ("64K", 65_536), ("64k", 65_536), ("256M", 256 << 20), ("16G", 16 << 30),
            ("16T", 16 << 40), ("16TiB", 16 << 40), ("16tb", 16 << 40), ("1P", 1 << 50), ("12B", 12),
        ] as [(String, UInt64)])
    func parses(text: String, bytes: UInt64) throws {
        #expect(try ByteCount(parsing: text).bytes == bytes)
    }

    @Test(arguments: ["", "K", "1.5G", "-1", "12 G", "1X", "20000000P", "99999999999999999999"])
    func refuses(text: String) {
        #expect(throws: ValueError.invalidSize(text)) { try ByteCount(parsing: text) }
    }
}
