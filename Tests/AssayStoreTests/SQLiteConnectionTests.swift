import Foundation
import GRDB
import Testing

@testable import AssayStore

/// The SQLite side of the SQL seam binds, steps and reads GRDB's cached statements through SQLite's own API: values
/// go in and come back unchanged, statements are left ready for their next use, and SQLite's errors reach the store
/// as GRDB reports them.
@Suite struct SQLiteConnectionTests {
    private func withConnection(_ body: (any SQLConnection) throws -> Void) throws {
        try DatabaseQueue().write { db in try body(db) }
    }

    @Test func valuesRoundTripWithTheirStorageClass() throws {
        try withConnection { db in
            let values: [SQLValue] = [
                .null, .integer(Int64.min), .real(-0.5), .text(""), .text("a\u{0}b"), .text("中兴 \"é\""),
                .blob([]), .blob([0, 255, 7]),
                // Large enough to be bound where they lie rather than copied.
                .text(String(repeating: "é\u{0}", count: 20_000)), .blob((0..<70_000).map { UInt8($0 % 251) }),
            ]
            let sql = "SELECT " + Array(repeating: "?", count: values.count).joined(separator: ", ")
            let row = try #require(try db.row(sql, values))
            #expect(row.values == values)
            // The same statement again, with small values where the large ones were.
            let small: [SQLValue] = values.map { $0 == values[8] ? .text("x") : $0 == values[9] ? .blob([1]) : $0 }
            #expect(try #require(try db.row(sql, small)).values == small)
            let types = try db.row(
                "SELECT typeof(?), typeof(?), hex(?), typeof(?), hex(?)",
                [SQLValue.text(""), .blob([]), .text("a\u{0}b"), .null, .blob([])])
            #expect(try types.map { try $0.values.map { try #require(String(sqlValue: $0)) } }
                == ["text", "blob", "610062", "null", ""])
        }
    }

    @Test func aQueryRunAgainFromInsideItsOwnRowsGetsItsOwnStatement() throws {
        try withConnection { db in
            let sql = "SELECT value FROM json_each(?) ORDER BY key"
            var outer: [Int] = []
            var inner: [[Int]] = []
            try db.forEachRow(sql, [SQLValue.text("[1,2,3]")]) { row in
                outer.append(try row[0])
                inner.append(try db.values(Int.self, sql, ["[7,8]"]))
            }
            #expect(outer == [1, 2, 3])
            #expect(inner == [[7, 8], [7, 8], [7, 8]])
        }
    }

    @Test func aScanStoppedEarlyLeavesTheStatementReadyForItsNextRun() throws {
        try withConnection { db in
            let sql = "SELECT value FROM json_each(?) ORDER BY key"
            var first: [Int] = []
            try db.scan(sql, [SQLValue.text("[1,2,3]")]) { row in
                first.append(try row[0])
                return false
            }
            #expect(first == [1])
            #expect(try db.values(Int.self, sql, ["[4,5]"]) == [4, 5])
        }
    }

    @Test func sqliteErrorsReachTheStoreAsGRDBReportsThem() throws {
        try withConnection { db in
            try db.run(#"CREATE TABLE "t" ("k" TEXT PRIMARY KEY)"#)
            try db.run(#"INSERT INTO "t" VALUES (?)"#, ["one"])
            let duplicate = #expect(throws: DatabaseError.self) {
                try db.run(#"INSERT INTO "t" VALUES (?)"#, ["one"])
            }
            #expect(duplicate?.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY)
            #expect(duplicate?.sql == #"INSERT INTO "t" VALUES (?)"#)
            let missing = #expect(throws: DatabaseError.self) { try db.run(#"INSERT INTO "t" VALUES (?)"#, []) }
            #expect(missing?.resultCode == .SQLITE_MISUSE)
            // Neither failure left a binding or a half-run statement behind.
            try db.run(#"INSERT INTO "t" VALUES (?)"#, ["two"])
            #expect(try db.values(String.self, #"SELECT "k" FROM "t" ORDER BY "k""#) == ["one", "two"])
        }
    }

    @Test func insertedIdsAndChangedCountsAreTheStatementsNotTheirTriggers() throws {
        try withConnection { db in
            try db.run(#"CREATE TABLE "t" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "v" TEXT)"#)
            try db.run(#"CREATE TABLE "noted" ("id" INTEGER PRIMARY KEY, "v" TEXT)"#)
            try db.run(#"INSERT INTO "noted" ("id") VALUES (100)"#)
            try db.run(
                #"CREATE TRIGGER "note" AFTER INSERT ON "t" BEGIN INSERT INTO "noted" ("v") VALUES (NEW."v"); END"#)
            #expect(try db.insertReturningId(#"INSERT INTO "t" ("v") VALUES (?)"#, ["a"]) == 1)
            #expect(try db.insertReturningId(#"INSERT INTO "t" ("v") VALUES (?)"#, ["b"]) == 2)
            #expect(try db.changes(#"UPDATE "t" SET "v" = ? WHERE "id" >= ?"#, ["c", 1]) == 2)
            #expect(try db.changes(#"DELETE FROM "t" WHERE "id" = ?"#, [7]) == 0)
            #expect(try db.changes(#"DELETE FROM "t" WHERE "id" = ?"#, [2]) == 1)
        }
    }
}
