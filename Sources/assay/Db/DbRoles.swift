import ArgumentParser
import AssayStore

/// `assay db roles --print`
struct DbRoles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles",
        abstract: "Print the SQL that creates Assay's PostgreSQL roles (reader, analyst, auditor).",
        discussion: """
            Prints, for an administrator to run in the Assay database after 'assay db migrate', the SQL that \
            creates three group roles without login: assay_reader (reads every table), assay_analyst (writes \
            records, appends to the audit log) and assay_auditor (records audit runs and checkpoints). UPDATE, \
            DELETE and TRUNCATE on the audit log are revoked from all of them. Its comments show how to give each \
            person a login of their own. Nothing is connected to: pipe it to psql.
            """
    )

    @Flag(name: .customLong("print"), help: "Print the SQL on stdout (required: Assay never runs it itself).")
    var printSQL = false

    func validate() throws {
        guard printSQL else {
            throw ValidationError("give --print: the SQL is printed for an administrator to run, never run by assay")
        }
    }

    func run() throws {
        Output.write(PostgresRoles.script)
    }
}
