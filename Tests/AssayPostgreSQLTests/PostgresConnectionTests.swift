import AssayPostgreSQL
import AssayTestSupport
import Testing

/// The libpq wrapper against a real server: parameters, NULLs, bytes, errors with SQLSTATE, transactions.
@Suite(.enabled(if: PostgresCluster.isAvailable, Comment(rawValue: PostgresCluster.unavailable)))
struct PostgresConnectionTests {
    let connection: PostgresConnection

    init() throws {
        let cluster = try PostgresCluster.shared()
        connection = try cluster.connect(database: try cluster.createDatabase())
    }

    @Test func parametersAreBoundNotSpliced() throws {
        let hostile = "x'); DROP TABLE t; --"
        let result = try connection.query(
            "SELECT $1::text AS said, $2::bigint + 1 AS next, $3::text AS nothing", [.text(hostile), .init(41), nil])
        #expect(result.columns == ["said", "next", "nothing"])
        let row = try #require(result.rows.first)
        #expect(row["said"] == hostile)
        #expect(row[1] == "42")
        #expect(row["nothing"] == nil)
        #expect(row["no such column"] == nil)
    }

    @Test func bytesGoInBinaryAndComeBack() throws {
        let bytes: [UInt8] = [0, 1, 0x7f, 0x80, 0xff, 0x5c, 0x27]
        try connection.execute("CREATE TABLE blob (body BYTEA NOT NULL)")
        try connection.query("INSERT INTO blob VALUES ($1)", [.bytes(bytes)])
        let row = try #require(try connection.query("SELECT body FROM blob").rows.first)
        #expect(row.bytes("body") == bytes)
    }

    @Test func textRoundTripsAsUTF8() throws {
        let text = "Huawei 华为 — Ŝ \u{1F512}"
        #expect(try connection.query("SELECT $1::text", [.text(text)]).rows.first?[0] == text)
    }

    @Test func aRefusedStatementCarriesItsSQLSTATE() throws {
        try connection.execute("CREATE TABLE unique_name (name TEXT PRIMARY KEY)")
        try connection.query("INSERT INTO unique_name VALUES ($1)", ["a"])
        let error = #expect(throws: PostgresError.self) {
            try connection.query("INSERT INTO unique_name VALUES ($1)", ["a"])
        }
        #expect(error?.sqlstate == "23505")
        #expect(error?.code == "postgresql.query")
        #expect(error?.description.contains("duplicate key") == true)
        #expect(error?.description.contains("\n") == false)
    }

    @Test func aTransactionCommitsOrRollsBackWhole() throws {
        try connection.execute("CREATE TABLE counted (n BIGINT NOT NULL)")
        let kept = try connection.transaction { connection throws(PostgresError) in
            try connection.query("INSERT INTO counted VALUES (1)").affectedRows
        }
        #expect(kept == 1)
        #expect(throws: PostgresError.self) {
            try connection.transaction { connection throws(PostgresError) in
                try connection.query("INSERT INTO counted VALUES (2)")
                try connection.query("INSERT INTO counted VALUES (NULL)")
            }
        }
        #expect(try connection.query("SELECT count(*) FROM counted").rows.first?[0] == "1")
        // The connection is usable again after the rollback.
        #expect(try connection.query("SELECT 1").rows.count == 1)
    }

    @Test func theServerVersionAndUserAreKnown() throws {
        #expect(connection.serverVersion >= 100_000)
        #expect(connection.user == "postgres")
    }

    @Test func aFailedConnectionNamesTheServerWithoutItsPassword() throws {
        let cluster = try PostgresCluster.shared()
        let text = "host=\(cluster.folder)/missing port=\(cluster.port) user=alice password=s3cret dbname=x"
        let error = #expect(throws: PostgresError.self) { try PostgresConnection(#require(ConnectionString(text))) }
        #expect(error?.code == "postgresql.connect")
        let message = error?.description ?? ""
        #expect(message.contains("password=***"))
        #expect(!message.contains("s3cret"))
        #expect(!message.contains("\n"))
    }
}
