import GRDB

/// Walks the parent links between vendors with recursive SQL.
enum AffiliateTree {
    /// The ids of a vendor's ancestors, nearest first.
    static func ancestors(_ db: Database, of id: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            WITH RECURSIVE up(id, depth) AS (
                SELECT parentId, 1 FROM vendor WHERE id = ? AND parentId IS NOT NULL
                UNION
                SELECT vendor.parentId, up.depth + 1 FROM vendor JOIN up ON vendor.id = up.id
                WHERE vendor.parentId IS NOT NULL AND up.depth < 1000
            )
            SELECT id FROM up ORDER BY depth
            """, arguments: [id])
    }

    /// The ids of a vendor and everything under it.
    static func subtree(_ db: Database, of id: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            WITH RECURSIVE down(id, depth) AS (
                SELECT ?, 0
                UNION
                SELECT vendor.id, down.depth + 1 FROM vendor JOIN down ON vendor.parentId = down.id
                WHERE down.depth < 1000
            )
            SELECT id FROM down
            """, arguments: [id])
    }
}
