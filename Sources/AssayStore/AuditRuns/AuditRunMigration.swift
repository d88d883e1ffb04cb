internal import GRDB

/// Tables of migration `v5-audit-runs`: each recorded audit run and the findings it reported, so that later
/// runs can be compared with it.
enum AuditRunMigration {
    static func create(_ db: Database) throws {
        try db.create(table: "auditRun") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ranAt", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("asOf", .text).notNull()
            t.column("policyDigest", .text).notNull()
            t.column("format", .text).notNull()
            t.column("reportFile", .text)
            t.column("reportSha256", .text)
            t.column("logHeadSeq", .integer)
            t.column("logHeadHash", .text)
            t.column("info", .integer).notNull()
            t.column("low", .integer).notNull()
            t.column("medium", .integer).notNull()
            t.column("high", .integer).notNull()
            t.column("critical", .integer).notNull()
        }
        // Vendors are kept by id and name without a foreign key: a run's history outlives a removed vendor.
        try db.create(table: "auditFinding") { t in
            t.column("runId", .integer).notNull().references("auditRun", onDelete: .cascade)
            t.column("findingId", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("severity", .text).notNull()
            t.column("vendorId", .integer)
            t.column("vendorName", .text)
            t.column("subject", .text).notNull()
            t.column("message", .text).notNull()
            t.primaryKey(["runId", "findingId"])
        }
    }
}
