import Foundation

extension Store {
    /// Vendors matching a filter, ordered by name as Foundation compares names (case-insensitively, for the user's
    /// locale) whichever database holds them; names that compare equal stay in the order of their ids.
    static func vendors(_ db: any SQLConnection, _ filter: VendorFilter) throws -> [VendorDetails] {
        var conditions: [String] = []
        var arguments: [any SQLValueConvertible] = []
        if let country = filter.country {
            conditions.append(#""country" = ?"#)
            arguments.append(country)
        }
        if let relationship = filter.relationship {
            conditions.append(#""relationship" = ?"#)
            arguments.append(relationship)
        }
        if let tier = filter.tier {
            conditions.append(#""tier" = ?"#)
            arguments.append(tier)
        }
        let condition = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        var vendors = try db.all(Vendor.self, #"SELECT * FROM "vendor""# + condition + #" ORDER BY "id""#, arguments)
        if let under = filter.under {
            let subtree = Set(try AffiliateTree.subtree(db, of: try id(of: try VendorResolver.resolve(db, under))))
            vendors.removeAll { vendor in !subtree.contains(vendor.id ?? 0) }
        }
        // Swift's sort is stable: equal names keep their id order.
        vendors.sort { $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending }
        return try vendors.map { try details(db, $0) }
    }
}
