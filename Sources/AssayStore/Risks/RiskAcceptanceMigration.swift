internal import GRDB

/// Migration `v11-risk-acceptances`: accepted risks, and which findings of a recorded run were accepted.
enum RiskAcceptanceMigration {
    static func create(_ db: Database) throws {
        // Vendors are kept by id and name without a foreign key, as in `auditFinding`: an acceptance names a finding,
        // and outlives the vendor it was about.
        try db.create(table: "riskAcceptance") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("findingId", .text).notNull().indexed()
            t.column("vendorId", .integer)
            t.column("vendorName", .text)
            t.column("subject", .text)
            t.column("severity", .text).notNull()
            t.column("owner", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("ticket", .text)
            t.column("acceptedOn", .text).notNull()
            t.column("until", .text).notNull()
            t.column("createdAt", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("revokedOn", .text)
            t.column("revokedAt", .text)
            t.column("revokedBy", .text)
            t.column("revokeReason", .text)
        }
        // The acceptance under which a run reported a finding as accepted (not counted); NULL for counted findings.
        try db.alter(table: "auditFinding") { t in t.add(column: "acceptanceId", .integer) }
    }
}
