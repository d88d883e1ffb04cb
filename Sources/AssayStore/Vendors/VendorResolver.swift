import AssayCore
import GRDB

/// Finds vendors by name, alias or numeric id, and suggests the closest name when none matches.
enum VendorResolver {
    static func resolve(_ db: Database, _ reference: String) throws -> Vendor {
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
            let vendor = try Vendor.fetchOne(db, key: id)
        {
            return vendor
        }
        throw StoreError.unknownVendor(reference, suggestion: try closestName(db, to: trimmed))
    }

    /// The known name or alias at the smallest edit distance, if it is plausibly a typo.
    static func closestName(_ db: Database, to text: String) throws -> String? {
        var search = SpellingSuggestion(for: VendorName.key(for: text))
        let names = try VendorName.fetchCursor(db)
        while let candidate = try names.next() {
            search.consider(candidate.key, shown: candidate.name)
        }
        return search.suggestion
    }
}
