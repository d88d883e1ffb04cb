import AssayCore
import Foundation

/// Files the binary-equivalence records keep beside the database: copied into the evidence folder first (outside
/// the transaction, as evidence attachments are), then listed in `storedBlob` inside it.
struct StoredBlobs {
    let blobs: EvidenceBlobs

    init(_ location: StoreLocation) {
        blobs = EvidenceBlobs(root: location.evidenceDirectory)
    }

    /// A file copied in, not yet listed.
    struct Pending: Sendable {
        var sha256: String
        var size: Int64
        var role: String
        var originalName: String
        /// Where the copy is.
        var path: String
    }

    /// Copies a file in under its SHA-256.
    func keep(fileAt path: String, role: String) throws(StoreError) -> Pending {
        let stored = try blobs.store(fileAt: path)
        return Pending(
            sha256: stored.sha256, size: stored.size, role: role, originalName: (path as NSString).lastPathComponent,
            path: self.path(sha256: stored.sha256))
    }

    /// Writes bytes (a manifest, a report) in under their SHA-256.
    func keep(bytes: [UInt8], name: String, role: String) throws(StoreError) -> Pending {
        let stored = try blobs.store(bytes: bytes, name: name)
        return Pending(
            sha256: stored.sha256, size: stored.size, role: role, originalName: name,
            path: path(sha256: stored.sha256))
    }

    /// Lists a kept file in `storedBlob` (once per SHA-256: a client listing the same file at the same time waits
    /// for the other's row instead of failing on it) and returns its SHA-256.
    @discardableResult
    static func list(_ pending: Pending, _ db: any SQLConnection) throws -> String {
        let listed = try db.row(
            #"INSERT INTO "storedBlob" ("sha256", "size", "role", "originalName", "storedAt") VALUES (?, ?, ?, ?, ?) "#
                + #"ON CONFLICT ("sha256") DO NOTHING RETURNING "sha256""#,
            [pending.sha256, pending.size, pending.role, pending.originalName, Timestamp.now()])
        if listed != nil { try Store.recordBody(db, sha256: pending.sha256, path: pending.path) }
        return pending.sha256
    }

    /// The path of a kept file.
    func path(sha256: String) -> String {
        blobs.root + "/" + EvidenceBlobs.relativePath(sha256: sha256)
    }
}
