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
    }

    /// Copies a file in under its SHA-256.
    func keep(fileAt path: String, role: String) throws(StoreError) -> Pending {
        let stored = try blobs.store(fileAt: path)
        return Pending(
            sha256: stored.sha256, size: stored.size, role: role, originalName: (path as NSString).lastPathComponent)
    }

    /// Writes bytes (a manifest, a report) in under their SHA-256.
    func keep(bytes: [UInt8], name: String, role: String) throws(StoreError) -> Pending {
        let folder = blobs.root + "/incoming"
        let temporary = folder + "/\(getpid())-\(UUID().uuidString)"
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw .io(path: temporary, reason: "cannot write \(name): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        var pending = try keep(fileAt: temporary, role: role)
        pending.originalName = name
        return pending
    }

    /// Lists a kept file in `storedBlob` (once per SHA-256: a client listing the same file at the same time waits
    /// for the other's row instead of failing on it) and returns its SHA-256.
    @discardableResult
    static func list(_ pending: Pending, _ db: any SQLConnection) throws -> String {
        try db.run(
            #"INSERT INTO "storedBlob" ("sha256", "size", "role", "originalName", "storedAt") VALUES (?, ?, ?, ?, ?) "#
                + #"ON CONFLICT ("sha256") DO NOTHING"#,
            [pending.sha256, pending.size, pending.role, pending.originalName, Timestamp.now()])
        return pending.sha256
    }

    /// The path of a kept file.
    func path(sha256: String) -> String {
        blobs.root + "/" + EvidenceBlobs.relativePath(sha256: sha256)
    }
}
