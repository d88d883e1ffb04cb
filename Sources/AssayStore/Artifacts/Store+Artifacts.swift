import AssayCore
import Foundation

extension Store {
    /// Records a binary a vendor ships or a site runs: its name, size and SHA-256, and, when it reads as a package
    /// or archive, its content bundle digest and manifest. The file and the manifest are kept beside the database;
    /// the addition is logged as `artifact.add`. The same bytes added again for the same vendor and site return the
    /// existing record.
    @discardableResult
    public func addArtifact(_ draft: ArtifactDraft, file path: String) throws(StoreError)
        -> (artifact: Artifact, alreadyAdded: Bool)
    {
        let added = try addArtifacts(draft, files: [path])
        guard let first = added.first else { throw StoreError.database("no artifact recorded") }
        return first
    }

    /// Records several binaries as ``addArtifact(_:file:)`` does, in one transaction: all or none.
    public func addArtifacts(_ draft: ArtifactDraft, files paths: [String]) throws(StoreError)
        -> [(artifact: Artifact, alreadyAdded: Bool)]
    {
        let blobs = StoredBlobs(location)
        var kept: [(file: StoredBlobs.Pending, content: PackageContent?, manifest: StoredBlobs.Pending?)] = []
        for path in paths {
            let content = try PackageContent.read(path)
            let file = try blobs.keep(fileAt: path, role: "artifact")
            let manifest = try content.map { content throws(StoreError) in
                try blobs.keep(bytes: content.manifest, name: file.originalName + ".manifest.json", role: "manifest")
            }
            kept.append((file, content, manifest))
        }
        return try write { db, log in
            let vendor = try VendorResolver.resolve(db, draft.vendor)
            guard let vendorId = vendor.id else { throw StoreError.database("vendor row without id") }
            let existingSQL =
                "SELECT * FROM \"artifact\" WHERE \"vendorId\" = ? AND \"sha256\" = ? AND "
                + (draft.site == nil ? "\"site\" IS NULL" : "\"site\" = ?") + " ORDER BY \"id\" LIMIT 1"
            return try kept.map { file, content, manifest in
                let siteArgument: [any SQLValueConvertible] = draft.site.map { [$0] } ?? []
                if let existing = try db.one(ArtifactRecord.self, existingSQL, [vendorId, file.sha256] + siteArgument) {
                    return (try Self.artifact(db, existing), true)
                }
                var record = ArtifactRecord(
                    vendorId: vendorId, name: file.originalName, size: file.size,
                    sha256: try StoredBlobs.list(file, db), contentDigest: content?.digest,
                    contentManifestSha256: try manifest.map { try StoredBlobs.list($0, db) }, product: draft.product,
                    version: draft.version, site: draft.site, label: draft.label, addedAt: Timestamp.now())
                try db.insert(&record)
                let artifact = try Self.artifact(db, record)
                try log.append(
                    db, action: "artifact.add", entity: "artifact", entityId: artifact.id, vendorId: vendorId,
                    change: Change<Artifact>(after: artifact))
                return (artifact, false)
            }
        }
    }

    /// One artefact.
    public func artifact(_ id: Int64) throws(StoreError) -> Artifact {
        try read { db in try Self.artifact(db, try Self.artifactRecord(db, id)) }
    }

    /// Artefacts, oldest first: all, or a vendor's.
    public func artifacts(vendor: String? = nil) throws(StoreError) -> [Artifact] {
        try read { db in try Self.artifacts(db, vendor: vendor) }
    }

    static func artifacts(_ db: any SQLConnection, vendor: String?) throws -> [Artifact] {
        let records: [ArtifactRecord]
        if let vendor {
            guard let vendorId = try VendorResolver.resolve(db, vendor).id else {
                throw StoreError.database("vendor row without id")
            }
            records = try db.all(
                ArtifactRecord.self, "SELECT * FROM \"artifact\" WHERE \"vendorId\" = ? ORDER BY \"id\"", [vendorId])
        } else {
            records = try db.all(ArtifactRecord.self, "SELECT * FROM \"artifact\" ORDER BY \"id\"")
        }
        return try records.map { try artifact(db, $0) }
    }

    static func artifactRecord(_ db: any SQLConnection, _ id: Int64) throws -> ArtifactRecord {
        guard let record = try db.find(ArtifactRecord.self, id: id) else {
            throw StoreError.notFound(entity: "artifact", id: "\(id)")
        }
        return record
    }

    static func artifact(_ db: any SQLConnection, _ record: ArtifactRecord) throws -> Artifact {
        guard let id = record.id else { throw StoreError.database("artifact row without id") }
        var names = NameCache()
        return Artifact(
            id: id,
            vendor: VendorReference(
                id: record.vendorId, name: try names.vendor(db, record.vendorId), link: nil),
            name: record.name, size: record.size, sha256: record.sha256, contentDigest: record.contentDigest,
            contentManifestSha256: record.contentManifestSha256, product: record.product, version: record.version,
            site: record.site, label: record.label, addedAt: record.addedAt,
            storedPath: EvidenceBlobs.relativePath(sha256: record.sha256))
    }
}
