import AssayCore
import Foundation

/// Finds vendors by name, alias or numeric id, and suggests the closest name when none matches.
enum VendorResolver {
    static func resolve(_ db: any SQLConnection, _ reference: String) throws -> Vendor {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if let vendor = try Vendor.cached(db, nameKey: VendorName.key(for: trimmed)) { return vendor }
        if let id = Int64(trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed),
            let vendor = try Vendor.cached(db, id: id)
        {
            return vendor
        }
        // "Fortinet" for "Fortinet, Inc.": the registries' normalisation (case, punctuation, legal suffixes),
        // accepted only when it points at exactly one vendor.
        if case .matched(let id) = try Store.vendorMatcher(db).match(trimmed),
            let vendor = try Vendor.cached(db, id: id)
        {
            return vendor
        }
        throw StoreError.unknownVendor(reference, suggestion: try closestName(db, to: trimmed))
    }

    /// The known name or alias at the smallest edit distance, if it is plausibly a typo; of equally close ones, the
    /// oldest vendor's, its name before its aliases.
    static func closestName(_ db: any SQLConnection, to text: String) throws -> String? {
        var search = SpellingSuggestion(for: VendorName.key(for: text))
        try db.forEachRow(
            #"SELECT "key", "name" FROM "vendorName" ORDER BY "vendorId", "isPrimary" DESC, "key""#, []
        ) { row in
            search.consider(try row[0], shown: try row[1])
        }
        return search.suggestion
    }
}
