import AssayCore

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

    /// The events bearing on one vendor, loading only the vendors around it and their events.
    static func events(_ db: any SQLConnection, bearingOn vendor: Vendor) throws -> [Hit] {
        let id = try Store.id(of: vendor)
        let related = try AffiliateTree.ancestors(db, of: id) + AffiliateTree.subtree(db, of: id)
        let inRelated = "IN (\(SQL.placeholders(related.count)))"
        let vendors = try db.rows(
            "SELECT \"id\", \"name\", \"parentId\" FROM \"vendor\" WHERE \"id\" \(inRelated) ORDER BY \"id\"", related)
        let index = AffiliateIndex(
            try vendors.map { row throws -> (id: Int64, name: String, parentId: Int64?) in
                (try row["id"], try row["name"], try row["parentId"])
            })
        let records = try db.all(
            MarketEventRecord.self, "SELECT * FROM \"marketEvent\" WHERE \"vendorId\" \(inRelated) ORDER BY \"id\"",
            related)
        let events = Dictionary(grouping: records, by: \.vendorId)
        return hits(bearingOn: id, in: index, events: events)
    }

    /// The events bearing on a vendor, from an index of the tree and the events grouped by the vendor they name.
    static func hits(bearingOn id: Int64, in index: AffiliateIndex, events: [Int64: [MarketEventRecord]]) -> [Hit] {
        var hits = (events[id] ?? []).map { Hit(record: $0, relation: .own) }
        var chain = [index.name(id)]
        for ancestorId in index.ancestors(of: id) {
            chain.append(index.name(ancestorId))
            hits += (events[ancestorId] ?? []).filter(\.appliesToAffiliates)
                .map { Hit(record: $0, relation: .inherited, path: chain) }
        }
        var affiliates: [Hit] = []
        for descendantId in index.descendants(of: id) {
            guard let named = events[descendantId], !named.isEmpty else { continue }
            let path = index.path(from: descendantId, upTo: id)
            affiliates += named.map { Hit(record: $0, relation: .affiliate, path: path) }
        }
        return hits + affiliates.sorted { ($0.record.id ?? 0) < ($1.record.id ?? 0) }
    }
}
