import AssayCore
import GRDB

/// Finds the events that bear on a vendor through the affiliate tree, with the path that links them.
///
/// A vendor sees its own events, its ancestors' events that extend to affiliates (`inherited`), and every
/// event naming one of its descendants (`affiliate`). Paths run from the lower vendor up to the upper one.
enum EventPropagation {
    struct Hit {
        var record: MarketEventRecord
        var relation: EventRelation
        var path: [String]? = nil
    }

    static func events(_ db: Database, bearingOn vendor: Vendor) throws -> [Hit] {
        let id = try Store.id(of: vendor)
        var hits = try MarketEventRecord.filter(MarketEventRecord.Columns.vendorId == id).fetchAll(db)
            .map { Hit(record: $0, relation: .own, path: nil) }
        var chain = [vendor.name]
        var names = NameCache()
        for ancestorId in try AffiliateTree.ancestors(db, of: id) {
            chain.append(try names.vendor(db, ancestorId))
            hits += try MarketEventRecord.filter(
                MarketEventRecord.Columns.vendorId == ancestorId && MarketEventRecord.Columns.appliesToAffiliates
            ).fetchAll(db).map { Hit(record: $0, relation: .inherited, path: chain) }
        }
        let descendants = try AffiliateTree.subtree(db, of: id).filter { $0 != id }
        if !descendants.isEmpty {
            let parents = try Dictionary(
                uniqueKeysWithValues: Vendor.filter(descendants.contains(Vendor.Columns.id)).fetchAll(db)
                    .map { (try Store.id(of: $0), $0) })
            let records = try MarketEventRecord.filter(descendants.contains(MarketEventRecord.Columns.vendorId))
                .fetchAll(db)
            for record in records {
                hits.append(
                    Hit(
                        record: record, relation: .affiliate,
                        path: path(from: record.vendorId, upTo: vendor, through: parents)))
            }
        }
        return hits
    }

    /// Names from a descendant up to `top`, following parent links among `vendors`.
    private static func path(from start: Int64, upTo top: Vendor, through vendors: [Int64: Vendor]) -> [String] {
        var names: [String] = []
        var current = vendors[start]
        while let vendor = current {
            names.append(vendor.name)
            current = vendor.parentId.flatMap { vendors[$0] }
        }
        return names + [top.name]
    }
}
