internal import GRDB

/// Tables of migration `v12-binary-equivalence`: the binaries vendors ship or sites run, what each escrow deposit
/// should build (expectations and the evidence behind them), Assay's own rebuilds, and the verdicts that compare
/// the two.
///
/// Files kept beside the database (artefacts, evidence files, manifests, build logs, rebuilt copies, diffoscope
/// reports) are content-addressed blobs in the evidence folder, each listed once in `storedBlob` with its size so
/// that `log verify` can check it is still there; the other tables name them by SHA-256.
enum ArtifactMigration {
    static func create(_ db: Database) throws {
        try db.create(table: "storedBlob") { t in
            t.primaryKey("sha256", .text)
            t.column("size", .integer).notNull()
            t.column("role", .text).notNull()
            t.column("originalName", .text).notNull()
            t.column("storedAt", .text).notNull()
        }
        try db.create(table: "artifact") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("vendor", onDelete: .restrict).notNull()
            t.column("name", .text).notNull()
            t.column("size", .integer).notNull()
            t.column("sha256", .text).notNull().indexed().references("storedBlob", onDelete: .restrict)
            t.column("contentDigest", .text).indexed()
            t.column("contentManifestSha256", .text).references("storedBlob", onDelete: .restrict)
            t.column("product", .text)
            t.column("version", .text)
            t.column("site", .text)
            t.column("label", .text)
            t.column("addedAt", .text).notNull()
        }
        try createRebuilds(db)
        try db.create(table: "expectation") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("deposit", inTable: "escrowDeposit", onDelete: .restrict).notNull()
            t.column("subjectName", .text).notNull()
            t.column("subjectSha256", .text).indexed()
            t.column("subjectDigests", .jsonText).notNull()
            t.column("contentDigest", .text)
            t.column("contentManifestSha256", .text).references("storedBlob", onDelete: .restrict)
            t.column("kind", .text).notNull()
            t.column("evidenceSha256", .text).references("storedBlob", onDelete: .restrict)
            t.column("signer", .text)
            t.column("strength", .text).notNull()
            t.column("sourceLink", .text).notNull()
            t.column("sources", .jsonText).notNull()
            t.column("builder", .text)
            t.column("remarks", .jsonText).notNull()
            t.belongsTo("rebuildRun", onDelete: .restrict)
            t.column("recordedAt", .text).notNull()
        }
        // Evidence refused because its signature did not verify: no expectation comes of it, but the attempt and
        // the file are kept, for the audit to report.
        try db.create(table: "rejectedEvidence") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("deposit", inTable: "escrowDeposit", onDelete: .restrict).notNull()
            t.column("evidenceSha256", .text).notNull().references("storedBlob", onDelete: .restrict)
            t.column("code", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("rejectedAt", .text).notNull()
        }
        try createVerifications(db)
    }

    private static func createRebuilds(_ db: Database) throws {
        try db.create(table: "rebuildRun") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("deposit", inTable: "escrowDeposit", onDelete: .restrict).notNull()
            t.column("command", .text).notNull()
            t.column("environment", .jsonText).notNull()
            t.column("sourceDateEpoch", .integer).notNull()
            t.column("network", .text).notNull()
            t.column("builder", .text).notNull()
            t.column("succeeded", .boolean).notNull()
            t.column("reproducible", .text).notNull()
            t.column("differingArtifacts", .jsonText).notNull()
            t.column("recordedAt", .text).notNull()
        }
        try db.create(table: "rebuildAttempt") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("run", inTable: "rebuildRun", onDelete: .restrict).notNull()
            t.column("number", .integer).notNull()
            t.column("folder", .text).notNull()
            t.column("exitStatus", .integer).notNull()
            t.column("logSha256", .text).references("storedBlob", onDelete: .restrict)
            t.column("startedAt", .text).notNull()
            t.column("finishedAt", .text).notNull()
            t.uniqueKey(["runId", "number"])
        }
        try db.create(table: "rebuildArtifact") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("attempt", inTable: "rebuildAttempt", onDelete: .restrict).notNull()
            t.column("path", .text).notNull()
            t.column("size", .integer)
            t.column("sha256", .text).references("storedBlob", onDelete: .restrict)
            t.column("contentDigest", .text)
            t.column("contentManifestSha256", .text).references("storedBlob", onDelete: .restrict)
        }
    }

    private static func createVerifications(_ db: Database) throws {
        try db.create(table: "artifactVerification") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("verifiedAt", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("scope", .text).notNull()
            t.column("passed", .boolean).notNull()
            t.column("diffoscope", .text)
            t.column("toolVersion", .text).notNull()
        }
        try db.create(table: "artifactVerdict") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("verification", inTable: "artifactVerification", onDelete: .restrict).notNull()
            t.belongsTo("artifact", onDelete: .restrict).notNull()
            t.column("verdict", .text).notNull()
            t.belongsTo("expectation", onDelete: .restrict)
            t.column("differingMembers", .jsonText).notNull()
            t.column("diffoscopeSha256", .text).references("storedBlob", onDelete: .restrict)
            t.column("diffoscopeSummary", .jsonText).notNull()
        }
    }
}
