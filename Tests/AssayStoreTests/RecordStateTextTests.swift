import GRDB
import Testing

@testable import AssayStore

/// The PostgreSQL store writes record keys and states in Swift: byte for byte what SQLite's `json_object` and
/// `json_array` write for the same values, so that a log moves between the stores and verifies on either.
@Suite struct RecordStateTextTests {
    static let texts = [
        "", "plain", "quote \" and backslash \\", "tab\tnew\nline\rcr", "\u{01}\u{08}\u{0C}\u{1F}\u{7F}",
        "slash / and é, 中兴通讯, 👍", "Cafe\u{301}", "{\"json\": [1, 2]}",
    ]

    @Test(arguments: texts)
    func statesAreSQLiteJSONObject(_ text: String) throws {
        let state = try RecordStateText.state(
            columns: ["id", "name", "none"], values: [.integer(42), .text(text), .null], blobColumns: [])
        let key = try RecordStateText.key([.text(text), .integer(-7)])
        let sqlite = try DatabaseQueue().read { db in
            try Row.fetchOne(
                db, sql: "SELECT json_object('id', ?, 'name', ?, 'none', NULL) AS state, json_array(?, ?) AS key",
                arguments: [42, text, text, -7])
        }
        let row = try #require(sqlite)
        #expect(row["state"] == state)
        #expect(row["key"] == key)
    }
}
