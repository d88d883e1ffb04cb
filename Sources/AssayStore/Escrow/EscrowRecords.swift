import AssayBundle
import AssayCore

/// A vendor's public signing key row.
struct VendorKeyRecord: Codable, Sendable, SQLNumberedRecord {
    static let databaseTableName = "vendorKey"
    var id: Int64?
    var vendorId: Int64
    var type: String
    var fingerprint: String
    var publicKey: String
    var label: String?
    var addedAt: String

}

/// An escrow offer row.
struct OfferRecord: Codable, Sendable, SQLNumberedRecord {
    static let databaseTableName = "escrowOffer"
    var id: Int64?
    var vendorId: Int64
    var kind: EscrowOfferKind
    var agent: String?
    var terms: String?
    var offeredOn: CalendarDate?
    var source: String?
    var notes: String?
    var createdAt: String

}

/// A deposit row: what a deposited bundle was, without its manifest body (see ``ManifestRecord``).
struct DepositRecord: Codable, Sendable, SQLNumberedRecord {
    static let databaseTableName = "escrowDeposit"
    var id: Int64?
    var offerId: Int64
    var label: String?
    var sourcePath: String
    var algorithm: String
    var bundleDigest: String
    var files: Int
    var directories: Int
    var symlinks: Int
    var bytes: Int64
    var strippedPrefix: String?
    var findings: Int
    var manifestSha256: String
    var signerKeyId: Int64?
    var depositedAt: String

}

/// The canonical JSON manifest of a deposit, kept apart from the deposit row.
struct ManifestRecord: Codable, Sendable, SQLRecord {
    static let databaseTableName = "escrowManifest"
    static let keyColumns = ["depositId"]
    var depositId: Int64
    var body: [UInt8]
}

/// A verification-run row.
struct VerificationRecord: Codable, Sendable, SQLNumberedRecord {
    static let databaseTableName = "escrowVerification"
    var id: Int64?
    var depositId: Int64
    var verifiedAt: String
    var actor: String
    var bundlePath: String
    var outcome: VerificationOutcome
    var summary: VerificationReport.Summary?
    var error: String?
    var signerKeyId: Int64?
    var toolVersion: String

}

