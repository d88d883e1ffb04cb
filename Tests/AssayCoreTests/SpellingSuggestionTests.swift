import AssayCore
import Testing

/// One "did you mean" rule for vendors, schemes, event types, jurisdictions and other enumerated values.
@Suite struct SpellingSuggestionTests {
    @Test func suggestsOnlyPlausibleTypos() {
        #expect(SpellingSuggestion.closest(to: "zte", among: ["zte corporation", "zt"]) == "zt")
        #expect(SpellingSuggestion.closest(to: "nokia", among: ["huawei", "zte"]) == nil)
        #expect(SpellingSuggestion.closest(to: "9", among: ["1", "2", "3", "4"]) == nil)
        #expect(SpellingSuggestion.editDistance("kitten", "sitting") == 3)
        var search = SpellingSuggestion(for: "huawai")
        search.consider("huawei", shown: "Huawei Technologies Co., Ltd.")
        #expect(search.suggestion == "Huawei Technologies Co., Ltd.")
    }

    @Test func typedSchemesAreTheCatalogueOnly() throws {
        #expect(try CertificationScheme(parsing: "ISO/IEC 27001").builtin == .iso27001)
        #expect(throws: ValueError.unknownScheme("iso2700")) { try CertificationScheme(parsing: "iso2700") }
        #expect(
            ValueError.unknownScheme("iso2700").description.hasPrefix(
                "unknown scheme 'iso2700' (did you mean 'iso27001'?): expected one of iso27001, cc, "))
        #expect(!ValueError.unknownScheme("TISAX").description.contains("did you mean"))
        #expect(try CertificationScheme(custom: "TISAX").id == "TISAX")
        #expect(try CertificationScheme(custom: "SOC 2").builtin == .soc2)
        // What older versions stored as a custom scheme still reads.
        #expect(try CertificationScheme(text: "TISAX").builtin == nil)
    }

    @Test func enumeratedValuesSuggestTheClosest() {
        #expect(throws: ValueError.self) { try MarketEventType(parsing: "procurment-ban") }
        #expect(
            ValueError.invalidEnumValue(
                field: "type", value: "procurment-ban", allowed: ["procurement-ban", "market-exit"]
            )
            .description
                == "invalid type 'procurment-ban' (did you mean 'procurement-ban'?): expected one of procurement-ban, "
                + "market-exit")
    }

    @Test(arguments: [
        ("UK", "GB"), ("usa", "US"), ("Germany", "DE"), ("Untied States", "US"), ("European Union", "EU"),
    ])
    func jurisdictionsSuggestCodes(typed: String, code: String) {
        #expect(throws: ValueError.invalidJurisdiction(typed)) { try Jurisdiction(typed) }
        #expect(ValueError.invalidJurisdiction(typed).description.contains("(did you mean '\(code)'?)"))
    }

    @Test func twoLettersAreNotGuessedAt() {
        #expect(!ValueError.invalidJurisdiction("XX").description.contains("did you mean"))
        #expect(ValueError.invalidCountry("Chinaa").description.contains("(did you mean 'CN'?)"))
    }
}
