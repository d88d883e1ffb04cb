import ArgumentParser
import AssayStore

/// `assay db copy FROM TO`
struct DbCopy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole store into an empty one: SQLite or PostgreSQL, either way.",
        discussion: """
            FROM and TO are each an SQLite file or a PostgreSQL database (a libpq connection URI such as \
            postgresql://user@host/assay?sslmode=verify-full, or a key/value string such as \
            'host=/run/postgresql dbname=assay'; passwords from PGPASSFILE or ~/.pgpass). FROM is read in one \
            snapshot and must have this Assay's schema (run 'assay db migrate' on an older one first). TO is created \
            or migrated, and refused if any table holds a row. Every table is copied with its ids, the audit log \
            included, in one transaction on TO, with the bytes of every stored file (evidence, artefacts, \
            manifests), each checked against its SHA-256 first. Prints each table's row count, then the total. \
            Exit 2 when anything is refused; nothing is written then.
            """
    )

    @Argument(
        help: ArgumentHelp("The store to copy: an SQLite file or a PostgreSQL connection string.", valueName: "from"))
    var source: String

    @Argument(help: ArgumentHelp("The empty store to copy into.", valueName: "to"))
    var target: String

    func run() throws {
        let report = try StoreCopy.copy(from: StoreAddress(source), to: StoreAddress(target))
        var table = TextTable("TABLE", "ROWS")
        for copied in report.tables { table.add(copied.name, String(copied.rows)) }
        Output.write(table.rendered(style: .standardOutput))
        Output.line(
            "copied \(report.rows) rows and \(report.files) stored files (\(report.fileBytes) bytes) from "
                + "\(report.source) to \(report.target)")
    }
}
