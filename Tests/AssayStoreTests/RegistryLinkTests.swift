import AssayCore
import AssayStore
import Testing

/// Registry records link to vendors by name whatever the order they arrive in, by the same rules as an import.
struct RegistryLinkTests {
    let fixture: StoreFixture

    init() throws { fixture = try StoreFixture() }

    /// Two CMVP rows spelling one manufacturer two ways, as NIST's list does.
    func importRecords() throws -> RegistryImportReport {
        var first = RegistryEntry(
            recordKey: "5160", manufacturer: "Cisco Systems, Inc.", product: "Cisco FIPS Provider", status: "active")
        first.certificateNumber = "5160"
        var second = RegistryEntry(
            recordKey: "5138", manufacturer: "Cisco Systems, Inc", product: "Cisco IOS XE", status: "active")
        second.certificateNumber = "5138"
        return try fixture.store.importRegistry(
            .cmvp, entries: [first, second], path: "cmvp.json", sha256: String(repeating: "0", count: 64),
            dryRun: false)
    }

    @Test func aVendorAddedAfterTheImportIsLinked() throws {
        #expect(try importRecords().matched == 0)
        try fixture.vendor("Cisco Systems, Inc.", country: "US")
        #expect(try fixture.store.registryRecords(vendor: "Cisco Systems, Inc.").map(\.recordKey) == ["5160", "5138"])
        #expect(try fixture.store.registryLinks(vendor: "Cisco Systems, Inc.").records == 2)
        #expect(try fixture.store.verifyLog().isIntact)
    }

    @Test func aVendorThatMakesTheNameAmbiguousUnlinksAndItsRemovalRelinks() throws {
        try fixture.vendor("Cisco Systems", country: "US")
        #expect(try importRecords().matched == 2)
        try fixture.vendor("Cisco Holdings", country: "US", aliases: ["Cisco Systems Inc."])
        #expect(try fixture.store.registryRecords(vendor: "Cisco Systems").isEmpty)
        let links = try fixture.store.registryLinks(vendor: "Cisco Holdings")
        #expect(links.records == 0)
        #expect(links.ambiguous.map(\.manufacturer) == ["Cisco Systems, Inc", "Cisco Systems, Inc."])
        #expect(links.ambiguous.allSatisfy { $0.vendors == ["Cisco Holdings", "Cisco Systems"] })
        try fixture.store.removeVendor("Cisco Holdings")
        #expect(try fixture.store.registryRecords(vendor: "Cisco Systems").count == 2)
        #expect(try fixture.store.verifyLog().isIntact)
    }

    @Test func renamingAVendorRelinksAndAReimportChangesNothing() throws {
        try fixture.vendor("Cisco", country: "US")
        #expect(try importRecords().matched == 0)
        var changes = VendorChanges()
        changes.name = "Cisco Systems Inc"
        try fixture.store.editVendor("Cisco", changes)
        #expect(try fixture.store.registryRecords(vendor: "Cisco Systems Inc").count == 2)
        let again = try importRecords()
        #expect(again.unchanged == 2 && again.relinked == 0 && again.matched == 2)
        #expect(try fixture.store.verifyLog().isIntact)
    }
}
