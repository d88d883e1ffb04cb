import AssayTestSupport
import Foundation
import Testing

/// The same commands against an SQLite store and a PostgreSQL store print the same output, apart from what differs
/// from one run to the next on either (the moment each row was written, the log hashes over it, random claim keys):
/// one set of rules over two databases.
@Suite(.enabled(if: PostgresCluster.isAvailable, Comment(rawValue: PostgresCluster.unavailable)))
struct PostgreSQLOutputTests {
    static let commands: [[String]] = [
        ["vendor", "add", "ZTE Corporation", "--alias", "ZTE", "--country", "CN", "--tier", "1"],
        ["vendor", "add", "ZTE Kangxun", "--parent", "ZTE", "--country", "CN"],
        ["vendor", "add", "Zebra Networks", "--country", "FI"],
        ["cert", "add", "ZTE", "--scheme", "iso27001", "--number", "Z-1", "--valid-until", "2027-01-01"],
        ["cert", "add", "Zebra Networks", "--scheme", "cc", "--number", "C-9", "--valid-until", "2026-03-01"],
        ["event", "add", "ZTE", "--type", "entity-list-listing", "--jurisdiction", "US", "--announced-on", "2016-03-08"],
        ["vendor", "list", "--format", "json"],
        ["vendor", "show", "ZTE Kangxun"],
        ["cert", "list", "--format", "csv"],
        ["event", "list", "--vendor", "ZTE Kangxun"],
        ["cert", "edit", "2", "--status", "suspended"],
        ["log", "--format", "csv"],
        ["log", "verify"],
        ["export", "certifications"],
        ["audit", "run", "--as-of", "2026-06-01", "--format", "json"],
    ]

    @Test func everyCommandPrintsWhatItPrintsOnSQLite() throws {
        let directory = TemporaryDirectory()
        let sqlite = try TestDatabase(in: directory, postgreSQL: false)
        let postgres = try TestDatabase(in: directory, postgreSQL: true)
        for command in Self.commands {
            let onSQLite = try AssayProcess.run(command, database: sqlite.address)
            let onPostgres = try AssayProcess.run(command, database: postgres.address)
            #expect(onSQLite.exitCode == 0, "\(command): \(onSQLite.stderr)")
            #expect(onPostgres.exitCode == onSQLite.exitCode, "\(command): \(onPostgres.stderr)")
            #expect(
                Self.normalised(onPostgres.stdout) == Self.normalised(onSQLite.stdout), "\(command)")
        }
    }

    /// The text with every ISO 8601 timestamp replaced by `T`, every UUID by `U` and every hash (16 hex digits or
    /// more) by `H`.
    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?Z?"#, with: "T", options: .regularExpression
        )
        .replacingOccurrences(
            of: #"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#, with: "U", options: .regularExpression
        )
        .replacingOccurrences(of: #"[0-9a-f]{16,}"#, with: "H", options: .regularExpression)
    }
}
