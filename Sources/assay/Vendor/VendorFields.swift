import ArgumentParser
import AssayCore
import AssayStore

/// Vendor attributes shared by `vendor add` and `vendor edit`.
struct VendorFields: ParsableArguments {
    @Option(help: "ISO 3166-1 alpha-2 country code, e.g. CN.")
    var country: String?

    @Option(help: "Legal Entity Identifier (ISO 17442, check digits verified).")
    var lei: String?

    @Option(help: "The vendor's website.")
    var website: String?

    @Option(help: ArgumentHelp("The parent vendor in the affiliate tree (name, alias or id).", valueName: "vendor"))
    var parent: String?

    @Option(help: "How this vendor is linked to its parent: subsidiary, affiliate, joint-venture, branch.")
    var parentLink: String?

    @Option(help: "Your relationship with the vendor: supplier, prospect, former, monitored.")
    var relationship: String?

    @Option(help: "Criticality tier, 1 (most critical) to 4.")
    var tier: Int?

    @Option(help: "Free-text notes.")
    var notes: String?

    var parsedCountry: CountryCode? { get throws { try convert("--country", country, CountryCode.init(text:)) } }
    var parsedLEI: LegalIdentifier? {
        get throws {
            try convert("--lei", lei) { (text) throws(ValueError) in try LegalIdentifier(kind: "lei", value: text) }
        }
    }
    var parsedParentLink: ParentLink? {
        get throws { try convert("--parent-link", parentLink, ParentLink.init(parsing:)) }
    }
    var parsedRelationship: VendorRelationship? {
        get throws { try convert("--relationship", relationship, VendorRelationship.init(parsing:)) }
    }
}

/// Parses repeated `--id KIND=VALUE` options.
func parseIdentifiers(_ flag: String, _ values: [String]) throws -> [LegalIdentifier] {
    try values.map { text in try convert(flag) { () throws(ValueError) in try LegalIdentifier(parsing: text) } }
}
