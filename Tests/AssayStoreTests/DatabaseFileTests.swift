import AssayStore
import AssayTestSupport
import Foundation
import GRDB
import Testing

@Suite(StoreUnderTest.sqliteOnly) struct DatabaseFileTests {
    @Test func schemaFileMatchesTheMigratedDatabase() throws {
        let fixture = try StoreFixture()
        let queue = try DatabaseQueue(path: fixture.path)
        let actual = try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT sql || ';' FROM sqlite_master
                WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, name
                """)
        }
        let documented = try String(contentsOfFile: Paths.schema("assay.sql"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("--") && !$0.isEmpty }.map(String.init)
        #expect(documented == actual, "Schemas/assay.sql differs from the migrations: run Scripts/schema-sql")
    }

    @Test func createsOwnerOnlyFolderAndFile() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("nested/deeper/assay.sqlite")
        _ = try Store(location: StoreLocation(path: path), actor: "t")
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: directory.file("nested/deeper"))[.posixPermissions] as? Int
        #expect(fileMode == 0o600 && folderMode == 0o700)
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let directory = TemporaryDirectory()
        let path = try directory.write("notes.sqlite", String(repeating: "these are not the records you are looking for\n", count: 100))
        #expect { try Store(location: StoreLocation(path: path), actor: "t") } throws: { error in
            (error as? StoreError)?.description == "\(path) is not an Assay database (not an SQLite file)"
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("these are not"))
    }

    @Test func refusesADatabaseFromANewerAssay() throws {
        let fixture = try StoreFixture()
        let queue = try DatabaseQueue(path: fixture.path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        #expect { try Store(location: StoreLocation(path: fixture.path), actor: "t") } throws: { error in
            (error as? StoreError)?.code == "store.newer-schema"
        }
    }

    @Test func refusesAFolder() throws {
        let directory = TemporaryDirectory()
        #expect { try Store(location: StoreLocation(path: directory.path), actor: "t") } throws: { error in
            (error as? StoreError)?.description == "cannot open database \(directory.path): it is a folder"
        }
    }

    @Test func locationFollowsFlagThenEnvironmentThenXDG() {
        #expect(StoreLocation.resolve(explicit: "/x/a.sqlite", environment: ["ASSAY_DB": "/y"]).path == "/x/a.sqlite")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["ASSAY_DB": "/y/b.sqlite"]).path == "/y/b.sqlite")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"]).path
            == "/data/assay/assay.sqlite")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/u"]).path
            == "/home/u/.local/share/assay/assay.sqlite")
    }
}
