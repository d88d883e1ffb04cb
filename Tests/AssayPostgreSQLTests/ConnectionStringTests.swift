import AssayPostgreSQL
import AssayStore
import Testing

/// What counts as a PostgreSQL address, and that a connection string shown to anyone has no password in it.
@Suite struct ConnectionStringTests {
    @Test(arguments: [
        "postgresql://alice@db.example.org/assay?sslmode=verify-full", "postgres://db/assay",
        "host=/run/postgresql dbname=assay", "dbname = assay", "service=assay",
    ])
    func postgreSQLAddresses(text: String) {
        #expect(ConnectionString(text) != nil)
        #expect(StoreAddress(text) == .postgreSQL(ConnectionString(text)!))
    }

    @Test(arguments: [
        "/home/u/.local/share/assay/assay.sqlite", "assay.sqlite", "/data/a=b.sqlite", "./x=y", "postgresql:/x",
        "mysql://db/x",
    ])
    func sqlitePaths(text: String) {
        #expect(ConnectionString(text) == nil)
        #expect(StoreAddress(text) == .sqlite(StoreLocation(path: text)))
    }

    @Test func theAddressComesFromTheFlagThenTheEnvironmentThenTheDefault() {
        let environment = ["ASSAY_DB": "host=/tmp dbname=env", "HOME": "/home/u"]
        #expect(StoreAddress.resolve(explicit: "/x.sqlite", environment: environment) == StoreAddress("/x.sqlite"))
        #expect(StoreAddress.resolve(explicit: nil, environment: environment) == StoreAddress("host=/tmp dbname=env"))
        #expect(
            StoreAddress.resolve(explicit: nil, environment: ["HOME": "/home/u"]).description
                == "/home/u/.local/share/assay/assay.sqlite")
    }

    @Test(arguments: [
        (
            "postgresql://alice:s3cret@db.example.org:5433/assay?sslmode=verify-full",
            "postgresql://alice:***@db.example.org:5433/assay?sslmode=verify-full"
        ),
        (
            "postgres://alice@db/assay?password=s3cret&sslmode=require",
            "postgres://alice@db/assay?password=***&sslmode=require"
        ),
        ("postgresql://alice:p%40ss%2Fw0rd@db/assay", "postgresql://alice:***@db/assay"),
        ("postgresql://db/assay", "postgresql://db/assay"),
        ("host=/tmp password=s3cret dbname=assay", "host=/tmp password=*** dbname=assay"),
        ("host=/tmp password = 's3 cr\\'et' dbname=assay", "host=/tmp password=*** dbname=assay"),
        ("password=s3\\ cret user=alice", "password=*** user=alice"),
        ("host=/tmp dbname='my db'", "host=/tmp dbname='my db'"),
    ])
    func redaction(text: String, shown: String) throws {
        let connection = try #require(ConnectionString(text))
        #expect(connection.redacted == shown)
        #expect("\(connection)" == shown)
        for secret in ["s3cret", "s3 cr", "p%40ss", "p@ss"] { #expect(!connection.redacted.contains(secret)) }
    }

    @Test func anUnreadableStringIsNotShownAtAll() throws {
        // An unterminated quote: neither this parser nor libpq can read it, so nothing of it is shown.
        let connection = try #require(ConnectionString("host=/tmp password='s3cret"))
        #expect(!connection.redacted.contains("s3cret"))
    }
}
