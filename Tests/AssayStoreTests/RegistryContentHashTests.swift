import AssayCore
import AssayCrypto
import Testing

@testable import AssayStore

/// A registry record's content hash is what earlier imports stored: an import hashing with one reused context must
/// give every entry the hash of its fields joined by NUL (absent ones as U+0001), or a re-import of an unchanged
/// file would update every record.
@Suite struct RegistryContentHashTests {
    /// The stored form: SHA-256 of the fields joined, as imports before the reused context computed it.
    func joinedHash(_ entry: RegistryEntry) throws -> String {
        let fields: [String?] = [
            entry.manufacturer, entry.product, entry.certificateNumber, entry.category, entry.scheme, entry.level,
            entry.certifiedOn?.description, entry.endsOn?.description, entry.status, entry.url,
        ]
        return try DigestContext.digest(Array(fields.map { $0 ?? "\u{1}" }.joined(separator: "\u{0}").utf8)).hex
    }

    @Test func aReusedContextGivesEachEntryItsJoinedHash() throws {
        var full = RegistryEntry(
            recordKey: "https://example.org/r1.pdf", manufacturer: "Société Générale Sécurité",
            product: "Pare-feu \"X\" v2", status: "active")
        full.certificateNumber = "CC-2024-17"
        full.category = "Network and Network-Related Devices and Systems"
        full.scheme = "FR"
        full.level = "EAL4+ ALC_FLR.2"
        full.certifiedOn = try CalendarDate(iso: "2024-03-01")
        full.endsOn = try CalendarDate(iso: "2029-03-01")
        full.url = "https://example.org/r1.pdf"
        let sparse = RegistryEntry(recordKey: "k", manufacturer: "", product: "中兴 ZXR10", status: "archived")
        let hasher = try DigestContext(.sha256)
        for entry in [full, sparse, full] {
            #expect(try entry.contentHash(with: hasher) == joinedHash(entry))
        }
        #expect(try full.contentHash(with: hasher) != sparse.contentHash(with: hasher))
    }
}
