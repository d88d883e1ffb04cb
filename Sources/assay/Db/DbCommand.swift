import ArgumentParser

/// `assay db …`
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Set up the records store: apply migrations, print PostgreSQL roles, copy a store.",
        subcommands: [DbMigrate.self, DbRoles.self, DbCopy.self]
    )
}
