import AssayCore
import AssayStore
import Testing

@Suite struct VendorStoreTests {
    @Test func namesAndAliasesResolveCaseInsensitively() throws {
        let fixture = try StoreFixture()
        let zte = try fixture.vendor("ZTE", aliases: ["ZTE Corporation", "中兴通讯"])
        #expect(try fixture.store.vendor("zte corporation").id == zte.id)
        #expect(try fixture.store.vendor("  ZTE   CORPORATION ").id == zte.id)
        #expect(try fixture.store.vendor("中兴通讯").id == zte.id)
        #expect(try fixture.store.vendor("#\(zte.id)").name == "ZTE")
    }

    @Test func unknownVendorSuggestsTheClosestName() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("Huawei Technologies Co., Ltd.", aliases: ["Huawei"])
        #expect {
            try fixture.store.vendor("Huawai")
        } throws: { error in
            (error as? StoreError)?.description == "unknown vendor 'Huawai' (did you mean 'Huawei'?)"
        }
        #expect {
            try fixture.store.vendor("Nokia")
        } throws: { error in
            (error as? StoreError)?.description == "unknown vendor 'Nokia'"
        }
    }

    @Test func aNameOrAliasNamesOneVendorOnly() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("ZTE", aliases: ["ZTE Corporation"])
        #expect { try fixture.vendor("zte corporation") } throws: { error in
            (error as? StoreError)?.description == "the name 'zte corporation' is already used by vendor 'ZTE'"
        }
        #expect { try fixture.vendor("Other", aliases: ["ZTE"]) } throws: { error in
            (error as? StoreError)?.code == "store.duplicate-name"
        }
        // Nothing of the refused vendors was written, not even their log entries.
        #expect(try fixture.store.vendors().map(\.name) == ["ZTE"])
        #expect(try fixture.store.logEntries().count == 1)
    }

    @Test func parentCyclesAreRefused() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("Huawei Technologies Co., Ltd.", aliases: ["Huawei"])
        try fixture.vendor("Huawei Device Co.", parent: "Huawei")
        try fixture.vendor("Huawei Device (Dongguan)", parent: "Huawei Device Co.")
        var changes = VendorChanges()
        changes.parent = "Huawei Device (Dongguan)"
        #expect { try fixture.store.editVendor("Huawei", changes) } throws: { error in
            (error as? StoreError)?.code == "store.parent-cycle"
        }
        changes.parent = "Huawei"
        #expect { try fixture.store.editVendor("Huawei", changes) } throws: { error in
            (error as? StoreError)?.code == "store.parent-cycle"
        }
        var filter = VendorFilter()
        filter.under = "Huawei"
        #expect(try fixture.store.vendors(filter).count == 3)
        filter.under = "Huawei Device Co."
        #expect(try Set(fixture.store.vendors(filter).map(\.name)) == ["Huawei Device Co.", "Huawei Device (Dongguan)"])
    }

    @Test func editKeepsBeforeAndAfterInTheLog() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("ZTE")
        var changes = VendorChanges()
        changes.name = "ZTE Corporation"
        changes.addAliases = ["ZTE"]
        changes.addIdentifiers = [try LegalIdentifier(kind: "lei", value: "5493001KJTIIGC8Y1R12")]
        changes.tier = 1
        let edited = try fixture.store.editVendor("zte", changes)
        #expect(edited.name == "ZTE Corporation" && edited.aliases == ["ZTE"] && edited.tier == 1)
        let last = try #require(try fixture.store.logEntries().last)
        #expect(last.action == "vendor.edit")
        #expect(last.change.contains("\"before\":{") && last.change.contains("\"after\":{"))
        #expect(last.change.contains("5493001KJTIIGC8Y1R12"))
    }

    @Test func identifiersAreUniqueAcrossVendors() throws {
        let fixture = try StoreFixture()
        var draft = VendorDraft(name: "A")
        draft.identifiers = [try LegalIdentifier(parsing: "duns=123")]
        try fixture.store.addVendor(draft)
        draft.name = "B"
        #expect { try fixture.store.addVendor(draft) } throws: { error in
            (error as? StoreError)?.description == "identifier duns=123 is already registered to vendor 'A'"
        }
    }

    @Test func removalIsRefusedWhileOthersDependOnTheVendor() throws {
        let fixture = try StoreFixture()
        try fixture.vendor("Parent")
        try fixture.vendor("Child", parent: "Parent")
        try fixture.certification("Child")
        #expect { try fixture.store.removeVendor("Parent") } throws: { error in
            (error as? StoreError)?.code == "store.in-use"
        }
        #expect { try fixture.store.removeVendor("Child") } throws: { error in
            (error as? StoreError)?.code == "store.in-use"
        }
        try fixture.vendor("Lonely")
        try fixture.store.removeVendor("lonely")
        #expect(try fixture.store.vendors().count == 2)
        #expect(try fixture.store.logEntries().last?.action == "vendor.remove")
    }
}
