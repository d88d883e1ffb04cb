internal import GRDB

/// The store's schema, as one append-only list of migrations. Never edit a registered migration:
/// add a new one. `Schemas/assay.sql` documents the result and a test keeps the two identical.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-records-and-log") { db in
            try createVendors(db)
            try createCertifications(db)
            try createAuditLog(db)
        }
        migrator.registerMigration("v2-escrow") { db in
            try EscrowMigration.create(db)
        }
        migrator.registerMigration("v3-x509") { db in
            try db.create(table: "x509Certificate") { t in
                t.primaryKey("certificationId", .integer).references("certification", onDelete: .cascade)
                t.column("fingerprint", .text).notNull().unique()
                t.column("subject", .text).notNull()
                t.column("issuer", .text).notNull()
                t.column("serialNumber", .text).notNull()
                t.column("notBefore", .text).notNull()
                t.column("notAfter", .text).notNull()
                t.column("signatureAlgorithm", .text).notNull()
                t.column("keyAlgorithm", .text).notNull()
                t.column("keyBits", .integer)
                t.column("dnsNames", .jsonText).notNull()
                t.column("weaknesses", .jsonText).notNull()
                t.column("sourceFile", .text).notNull()
            }
        }
        migrator.registerMigration("v4-market-access-events") { db in
            try createMarketEvents(db)
        }
        migrator.registerMigration("v5-audit-runs") { db in
            try AuditRunMigration.create(db)
        }
        migrator.registerMigration("v6-log-checkpoints") { db in
            try createLogCheckpoints(db)
        }
        migrator.registerMigration("v7-registries") { db in
            try RegistryMigration.create(db)
        }
        migrator.registerMigration("v8-certification-notes") { db in
            try db.alter(table: "certification") { t in t.add(column: "notes", .text) }
        }
        // From v9 on, every log entry that ends a transaction carries the state of the rows it wrote. A migration
        // that reshapes a record table (adds, drops or renames a column) changes every row's stated form and
        // must end with a baseline, as this one does for the rows written before the binding existed.
        migrator.registerMigration("v9-records-bound-to-log") { db in
            try db.alter(table: "auditLog") { t in t.add(column: "rows", .text) }
            try AuditLog(actor: "assay").appendBaseline(db, reason: "v9-records-bound-to-log")
        }
        migrator.registerMigration("v10-certification-claim-keys") { db in
            try addClaimKeys(db)
            try AuditLog(actor: "assay").appendBaseline(db, reason: "v10-certification-claim-keys")
        }
        migrator.registerMigration("v11-risk-acceptances") { db in
            try RiskAcceptanceMigration.create(db)
            try AuditLog(actor: "assay").appendBaseline(db, reason: "v11-risk-acceptances")
        }
        migrator.registerMigration("v12-binary-equivalence") { db in
            try ArtifactMigration.create(db)
        }
        migrator.registerMigration("v13-append-only-log") { db in
            try AppendOnlyMigration.create(db)
        }
        return migrator
    }

    private static func createVendors(_ db: Database) throws {
        try db.create(table: "vendor") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("country", .text).check { length($0) == 2 }
            t.column("website", .text)
            t.belongsTo("parent", inTable: "vendor", onDelete: .restrict)
            t.column("parentLink", .text)
            t.column("relationship", .text).notNull()
            t.column("tier", .integer).check { $0 >= 1 && $0 <= 4 }
            t.column("notes", .text)
            t.column("createdAt", .text).notNull()
            t.column("updatedAt", .text).notNull()
        }
        // Names and aliases share one namespace: a lookup key names at most one vendor.
        try db.create(table: "vendorName") { t in
            t.primaryKey("key", .text)
            t.belongsTo("vendor", onDelete: .cascade).notNull()
            t.column("name", .text).notNull()
            t.column("isPrimary", .boolean).notNull()
        }
        try db.create(table: "vendorIdentifier") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("vendor", onDelete: .cascade).notNull()
            t.column("kind", .text).notNull()
            t.column("value", .text).notNull()
            t.uniqueKey(["kind", "value"])
        }
        try db.create(table: "product") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("vendor", onDelete: .cascade).notNull()
            t.column("name", .text).notNull()
            t.column("key", .text).notNull()
            t.column("versions", .jsonText).notNull().defaults(to: "[]")
            t.uniqueKey(["vendorId", "key"])
        }
    }

    private static func createCertifications(_ db: Database) throws {
        try db.create(table: "certification") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("vendor", onDelete: .restrict).notNull()
            t.belongsTo("product", onDelete: .restrict)
            t.column("coveredVersions", .jsonText).notNull().defaults(to: "[]")
            t.column("scheme", .text).notNull().indexed()
            t.column("level", .text)
            t.column("augmentations", .jsonText).notNull().defaults(to: "[]")
            t.column("auditPeriodStart", .text)
            t.column("auditPeriodEnd", .text)
            t.column("number", .text)
            t.column("issuer", .text)
            t.column("lab", .text)
            t.column("scope", .text)
            t.column("issuedOn", .text)
            t.column("validUntil", .text).indexed()
            t.column("status", .text).notNull()
            t.column("createdAt", .text).notNull()
            t.column("updatedAt", .text).notNull()
        }
        try db.create(table: "certificationStatusChange") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("certification", onDelete: .cascade).notNull()
            t.column("status", .text).notNull()
            t.column("effectiveOn", .text).notNull()
            t.column("reason", .text)
            t.column("recordedAt", .text).notNull()
        }
        try db.create(table: "evidence") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("certification", onDelete: .cascade).notNull()
            t.column("sha256", .text).notNull().indexed()
            t.column("size", .integer).notNull()
            t.column("originalName", .text).notNull()
            t.column("receivedAt", .text).notNull()
            t.column("effectiveOn", .text)
            t.uniqueKey(["certificationId", "sha256"])
        }
    }

    /// Gives every certification a stable claim key (a UUID), the identity that export and import keep.
    private static func addClaimKeys(_ db: Database) throws {
        try db.alter(table: "certification") { t in t.add(column: "claimKey", .text) }
        let update = try db.makeStatement(sql: "UPDATE certification SET claimKey = ? WHERE id = ?")
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM certification ORDER BY id") {
            try update.execute(arguments: [Certification.newClaimKey(), id])
        }
        try db.create(index: "certification_on_claimKey", on: "certification", columns: ["claimKey"], unique: true)
    }

    private static func createAuditLog(_ db: Database) throws {
        try db.create(table: "auditLog") { t in
            t.primaryKey("seq", .integer)
            t.column("recordedAt", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("action", .text).notNull()
            t.column("entity", .text).notNull()
            t.column("entityId", .text).notNull()
            t.column("vendorId", .integer).indexed()
            t.column("change", .text).notNull()
            t.column("prevHash", .text).notNull()
            t.column("hash", .text).notNull()
        }
    }

    private static func createMarketEvents(_ db: Database) throws {
        try db.create(table: "marketEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("vendor", onDelete: .restrict).notNull()
            t.column("appliesToAffiliates", .boolean).notNull()
            t.column("jurisdiction", .text).notNull().indexed()
            t.column("authority", .text)
            t.column("type", .text).notNull()
            t.column("program", .text)
            t.column("scope", .text)
            t.column("announcedOn", .text).notNull()
            t.column("effectiveFrom", .text)
            t.column("effectiveTo", .text)
            t.column("status", .text).notNull()
            t.column("sourceUrl", .text)
            t.column("sourceRecordId", .text).unique()
            t.column("notes", .text)
            t.column("createdAt", .text).notNull()
            t.column("updatedAt", .text).notNull()
        }
    }

    private static func createLogCheckpoints(_ db: Database) throws {
        try db.create(table: "logCheckpoint") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("format", .text).notNull()
            t.column("seq", .integer).notNull()
            t.column("hash", .text).notNull()
            t.column("createdAt", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("keyType", .text).notNull()
            t.column("keyFingerprint", .text).notNull()
            t.column("signature", .text).notNull()
        }
    }
}
