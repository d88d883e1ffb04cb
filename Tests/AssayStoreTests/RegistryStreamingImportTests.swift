import AssayCore
import AssayRegistry
import AssayStore
import Testing

/// A registry import that reads its entries one at a time writes what an import of the same entries held whole
/// writes, and a reader's error part way through leaves nothing behind.
struct RegistryStreamingImportTests {
    let fixture: StoreFixture

    init() throws { fixture = try StoreFixture() }

    /// Three CC portal entries, the last two sharing their manufacturer, one of them without dates.
    func entries() throws -> [RegistryEntry] {
        try (1...3).map { index in
            var entry = RegistryEntry(
                recordKey: "https://example.org/cr-\(index).pdf",
                manufacturer: index == 1 ? "Fortinet, Inc." : "Société Générale Sécurité",
                product: "Product \(index)", status: "active")
            entry.category = "Network and Network-Related Devices and Systems"
            entry.scheme = "FR"
            entry.level = index == 2 ? nil : "EAL4+ ALC_FLR.2"
            entry.certifiedOn = index == 3 ? nil : try CalendarDate(iso: "2024-03-0\(index)")
            entry.endsOn = index == 3 ? nil : try CalendarDate(iso: "2029-03-0\(index)")
            entry.url = entry.recordKey
            return entry
        }
    }

    func streamed(
        _ entries: [RegistryEntry], failingAt failure: Int? = nil, dryRun: Bool = false
    ) throws(StoreError) -> RegistryImportReport {
        var index = 0
        return try fixture.store.importRegistry(
            .ccPortal, path: "cc.csv", sha256: String(repeating: "1", count: 64), dryRun: dryRun
        ) { () throws(RegistryError) -> RegistryEntry? in
            if index == failure {
                throw .invalidField(file: "cc.csv", at: .line(index + 2), field: "Name", reason: "is empty")
            }
            guard index < entries.count else { return nil }
            defer { index += 1 }
            return entries[index]
        }
    }

    @Test func aStreamedImportWritesWhatAnImportOfTheWholeListWrites() throws {
        try fixture.vendor("Fortinet, Inc.", country: "US")
        let entries = try entries()
        let report = try streamed(entries)
        #expect(report.rows == 3 && report.added == 3 && report.matched == 1 && report.relinked == 0)
        // The same entries held whole find every record as the streamed import wrote it: same hash, same link.
        let again = try fixture.store.importRegistry(
            .ccPortal, entries: entries, path: "cc.csv", sha256: String(repeating: "2", count: 64), dryRun: false)
        #expect(again.rows == 3 && again.unchanged == 3 && again.matched == 1)
        let records = try fixture.store.registryRecords(.ccPortal)
        #expect(records.map(\.recordKey) == entries.map(\.recordKey))
        #expect(records.map(\.level) == entries.map(\.level))
        #expect(records.map(\.certifiedOn) == entries.map(\.certifiedOn))
        #expect(records.filter { $0.vendorId != nil }.map(\.manufacturer) == ["Fortinet, Inc."])
        // A changed entry streamed later is an update, counted in the import's row.
        var changed = entries
        changed[1].product = "Product 2 renamed"
        let update = try streamed(changed)
        #expect(update.rows == 3 && update.updated == 1 && update.unchanged == 2)
        #expect(try fixture.store.registryRecords(.ccPortal)[1].product == "Product 2 renamed")
        let verification = try fixture.store.verifyLog()
        #expect(verification.isIntact)
    }

    @Test func aReaderErrorPartWayRollsTheImportBackAndKeepsItsCode() throws {
        let entries = try entries()
        let error = try #require(#expect(throws: StoreError.self) { try streamed(entries, failingAt: 2) })
        guard case .registry(let registryError) = error else {
            Issue.record("expected the reader's error, got \(error)")
            return
        }
        #expect(registryError == .invalidField(file: "cc.csv", at: .line(4), field: "Name", reason: "is empty"))
        #expect(error.code == "registry.invalid-field")
        #expect(try fixture.store.registryRecords().isEmpty)
        #expect(try fixture.store.logEntries().isEmpty)
    }

    @Test func aStreamedDryRunWritesNothing() throws {
        let report = try streamed(try entries(), dryRun: true)
        #expect(report.added == 3 && report.dryRun)
        #expect(try fixture.store.registryRecords().isEmpty)
        #expect(try fixture.store.logEntries().isEmpty)
    }
}
