internal import GRDB

/// Tables of migration `v7-registries`: public registry records, kept beside (never mixed with) vendors' claims.
enum RegistryMigration {
    static func create(_ db: Database) throws {
        try db.create(table: "registryImport") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("registry", .text).notNull()
            t.column("path", .text).notNull()
            t.column("sha256", .text).notNull()
            t.column("importedAt", .text).notNull()
            t.column("rows", .integer).notNull()
            t.column("added", .integer).notNull()
            t.column("updated", .integer).notNull()
            t.column("unchanged", .integer).notNull()
        }
        try db.create(table: "registryRecord") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("registry", .text).notNull()
            t.column("recordKey", .text).notNull()
            t.column("manufacturer", .text).notNull()
            t.belongsTo("vendor", onDelete: .setNull)
            t.column("product", .text).notNull()
            t.column("certificateNumber", .text)
            t.column("category", .text)
            t.column("scheme", .text)
            t.column("level", .text)
            t.column("certifiedOn", .text)
            t.column("endsOn", .text)
            t.column("status", .text).notNull()
            t.column("url", .text)
            t.column("contentHash", .text).notNull()
            t.belongsTo("import", inTable: "registryImport", onDelete: .restrict).notNull()
            t.uniqueKey(["registry", "recordKey"])
        }
        try db.create(index: "registryRecord_on_registry_certificateNumber", on: "registryRecord",
                      columns: ["registry", "certificateNumber"])
    }
}
