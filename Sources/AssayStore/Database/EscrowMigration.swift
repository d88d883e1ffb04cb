internal import GRDB

/// Tables of migration `v2-escrow`: vendors' signing keys, escrow offers, deposits and verification runs.
enum EscrowMigration {
    static func create(_ db: Database) throws {
        try db.create(table: "vendorKey") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("vendor", onDelete: .restrict).notNull()
            t.column("type", .text).notNull()
            t.column("fingerprint", .text).notNull().unique()
            t.column("publicKey", .text).notNull()
            t.column("label", .text)
            t.column("addedAt", .text).notNull()
        }
        try db.create(table: "escrowOffer") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("vendor", onDelete: .restrict).notNull()
            t.column("kind", .text).notNull()
            t.column("agent", .text)
            t.column("terms", .text)
            t.column("offeredOn", .text)
            t.column("source", .text)
            t.column("notes", .text)
            t.column("createdAt", .text).notNull()
        }
        try db.create(table: "escrowDeposit") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("offer", inTable: "escrowOffer", onDelete: .restrict).notNull()
            t.column("label", .text)
            t.column("sourcePath", .text).notNull()
            t.column("algorithm", .text).notNull()
            t.column("bundleDigest", .text).notNull().indexed()
            t.column("files", .integer).notNull()
            t.column("directories", .integer).notNull()
            t.column("symlinks", .integer).notNull()
            t.column("bytes", .integer).notNull()
            t.column("strippedPrefix", .text)
            t.column("findings", .integer).notNull()
            t.column("manifestSha256", .text).notNull()
            t.belongsTo("signerKey", inTable: "vendorKey", onDelete: .restrict)
            t.column("depositedAt", .text).notNull()
        }
        // Manifests are large (a line per file); listings of deposits never need them.
        try db.create(table: "escrowManifest") { t in
            t.primaryKey("depositId", .integer).references("escrowDeposit", onDelete: .cascade)
            t.column("body", .blob).notNull()
        }
        try db.create(table: "escrowVerification") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("deposit", inTable: "escrowDeposit", onDelete: .restrict).notNull()
            t.column("verifiedAt", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("bundlePath", .text).notNull()
            t.column("outcome", .text).notNull()
            t.column("summary", .jsonText)
            t.column("error", .text)
            t.belongsTo("signerKey", inTable: "vendorKey", onDelete: .restrict)
            t.column("toolVersion", .text).notNull()
        }
    }
}
