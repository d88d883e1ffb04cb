import AssayCore
import AssayCrypto
import Foundation

extension Store {
    /// Attaches a file to a certification: its bytes are stored once by SHA-256 beside the database,
    /// and the attachment is logged as `cert.attach`. Attaching the same bytes again returns the existing record.
    public func attachEvidence(
        to certificationId: Int64,
        file path: String,
        effectiveOn: CalendarDate?
    ) throws(StoreError) -> (evidence: Evidence, alreadyAttached: Bool) {
        let blobs = EvidenceBlobs(root: location.evidenceDirectory)
        let stored = try blobs.store(fileAt: path)
        return try write { db, log in
            guard let certification = try db.find(Certification.self, id: certificationId) else {
                throw StoreError.notFound(entity: "certification", id: "\(certificationId)")
            }
            if let existing = try db.one(
                EvidenceRecord.self, #"SELECT * FROM "evidence" WHERE "certificationId" = ? AND "sha256" = ?"#,
                [certificationId, stored.sha256])
            {
                return (try Self.evidence(existing), true)
            }
            var record = EvidenceRecord(
                certificationId: certificationId, sha256: stored.sha256, size: stored.size,
                originalName: (path as NSString).lastPathComponent, receivedAt: Timestamp.now(), effectiveOn: effectiveOn
            )
            try db.insert(&record)
            try Self.recordBody(
                db, sha256: stored.sha256, path: blobs.root + "/" + EvidenceBlobs.relativePath(sha256: stored.sha256))
            let evidence = try Self.evidence(record)
            try log.append(db, action: "cert.attach", entity: "evidence", entityId: evidence.id,
                           vendorId: certification.vendorId, change: Change<Evidence>(after: evidence))
            return (evidence, false)
        }
    }

    /// A certification's evidence, oldest first (in id order when received at the same instant).
    static func evidence(_ db: any SQLConnection, certificationId: Int64) throws -> [Evidence] {
        try db.all(
            EvidenceRecord.self, #"SELECT * FROM "evidence" WHERE "certificationId" = ? ORDER BY "receivedAt", "id""#,
            [certificationId]
        ).map(evidence)
    }

    static func evidence(_ record: EvidenceRecord) throws -> Evidence {
        guard let id = record.id else { throw StoreError.database("evidence row without id") }
        return Evidence(
            id: id, certificationId: record.certificationId, sha256: record.sha256, size: record.size,
            originalName: record.originalName, receivedAt: record.receivedAt, effectiveOn: record.effectiveOn,
            storedPath: EvidenceBlobs.relativePath(sha256: record.sha256)
        )
    }
}
