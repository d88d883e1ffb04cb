import GRDB

/// Finds vendors by name, alias or numeric id, and suggests the closest name when none matches.
enum VendorResolver {
    static func resolve(_ db: Database, _ reference: String) throws -> Vendor {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if let name = try VendorName.fetchOne(db, key: VendorName.key(for: trimmed)),
            let vendor = try Vendor.fetchOne(db, key: name.vendorId)
        {
            return vendor
        }
        if let id = Int64(trimmed.hasPrefix("#") ? String(trimmed.dropFirst()) : trimmed),
            let vendor = try Vendor.fetchOne(db, key: id)
        {
            return vendor
        }
        // "Fortinet" for "Fortinet, Inc.": the registries' normalisation (case, punctuation, legal suffixes),
        // accepted only when it points at exactly one vendor.
        if case .matched(let id) = try Store.vendorMatcher(db).match(trimmed), let vendor = try Vendor.fetchOne(db, key: id) {
            return vendor
        }
        throw StoreError.unknownVendor(reference, suggestion: try closestName(db, to: trimmed))
    }

    /// The known name or alias at the smallest edit distance, if it is plausibly a typo.
    static func closestName(_ db: Database, to text: String) throws -> String? {
        let key = VendorName.key(for: text)
        var best: (name: String, distance: Int)?
        let names = try VendorName.fetchCursor(db)
        while let candidate = try names.next() {
            let distance = editDistance(key, candidate.key)
            if distance < (best?.distance ?? Int.max) { best = (candidate.name, distance) }
        }
        guard let best, best.distance <= max(2, key.count / 3) else { return nil }
        return best.name
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
