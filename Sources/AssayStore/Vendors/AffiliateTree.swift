/// Walks the parent links between vendors with recursive SQL.
enum AffiliateTree {
    /// The ids of a vendor's ancestors, nearest first.
    static func ancestors(_ db: any SQLConnection, of id: Int64) throws -> [Int64] {
        try db.values(
            Int64.self,
            """
            WITH RECURSIVE "up"("id", "depth") AS (
                SELECT "parentId", 1 FROM "vendor" WHERE "id" = ? AND "parentId" IS NOT NULL
                UNION
                SELECT "vendor"."parentId", "up"."depth" + 1 FROM "vendor" JOIN "up" ON "vendor"."id" = "up"."id"
                WHERE "vendor"."parentId" IS NOT NULL AND "up"."depth" < 1000
            )
            SELECT "id" FROM "up" ORDER BY "depth"
            """,
            [id])
    }

    /// The ids of a vendor and everything under it, breadth first, each vendor's children in id order (the vendor's
    /// own id first, even when no such vendor exists).
    static func subtree(_ db: any SQLConnection, of id: Int64) throws -> [Int64] {
        // The links are read in one query and walked here, so that both databases list the subtree in one order.
        var children: [Int64: [Int64]] = [:]
        try db.forEachRow(
            """
            WITH RECURSIVE "down"("id", "parentId", "depth") AS (
                SELECT "id", "parentId", 1 FROM "vendor" WHERE "parentId" = ?
                UNION
                SELECT "vendor"."id", "vendor"."parentId", "down"."depth" + 1
                FROM "vendor" JOIN "down" ON "vendor"."parentId" = "down"."id"
                WHERE "down"."depth" < 1000
            )
            SELECT DISTINCT "id", "parentId" FROM "down" ORDER BY "id"
            """,
            [id.sqlValue]
        ) { row in
            let parent: Int64 = try row[1]
            children[parent, default: []].append(try row[0])
        }
        var result = [id]
        var level = [id]
        var depth = 0
        while depth < 1000 {
            level = level.flatMap { children[$0] ?? [] }
            if level.isEmpty { break }
            result += level
            depth += 1
        }
        return result
    }
}
