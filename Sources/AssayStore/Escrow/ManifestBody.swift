import Foundation

extension ManifestRecord {
    /// Stores a deposit's manifest as the SQLite store always has: GRDB wrote the byte array as the JSON text of its
    /// numbers, which SQLite keeps as TEXT and PostgreSQL's BYTEA column as that text's bytes (as `db copy` moves
    /// it). The seam's record helpers would write the bytes themselves, so this table is written and read here.
    static func insert(_ db: any SQLConnection, depositId: Int64, body: [UInt8]) throws {
        let json = try SQLRowEncoder.jsonText(body)
        let stored: SQLValue = db.dialect == .sqlite ? .text(json) : .blob(Array(json.utf8))
        try db.run(#"INSERT INTO "escrowManifest" ("depositId", "body") VALUES (?, ?)"#, [depositId.sqlValue, stored])
    }

    /// The manifest stored with a deposit, `nil` when there is none.
    static func storedBody(_ db: any SQLConnection, depositId: Int64) throws -> [UInt8]? {
        let sql = #"SELECT "body" FROM "escrowManifest" WHERE "depositId" = ?"#
        guard let json = try db.value(String.self, sql, [depositId]) else { return nil }
        do {
            return try JSONDecoder().decode([UInt8].self, from: Data(json.utf8))
        } catch {
            throw StoreError.database("the stored manifest of deposit #\(depositId) is not the JSON of its bytes")
        }
    }
}
