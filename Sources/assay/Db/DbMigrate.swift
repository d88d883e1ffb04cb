import ArgumentParser
import AssayStore
import Foundation

/// `assay db migrate [--db X]`
struct DbMigrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the store's pending schema migrations and say which.",
        discussion: """
            --db (or $ASSAY_DB) is an SQLite file, or a PostgreSQL database given by a libpq connection URI \
            (postgresql://user@host/assay?sslmode=verify-full) or key/value string (host=/run/postgresql \
            dbname=assay). Passwords come from PGPASSFILE or ~/.pgpass, never from --db. An SQLite store is also \
            migrated by any command that opens it; a PostgreSQL store only by this, in one transaction. A store \
            written by a newer Assay is refused (exit 2).
            """
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        let report = try StoreMigration.migrate(store.address, actor: store.resolvedActor)
        if report.applied.isEmpty {
            Output.write("\(report.store): up to date\n")
        } else {
            Output.write(
                "\(report.store): applied \(report.applied.count) migrations: "
                    + report.applied.joined(separator: ", ") + "\n")
        }
    }
}
