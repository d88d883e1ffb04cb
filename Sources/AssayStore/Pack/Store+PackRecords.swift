import AssayCore

/// The records behind some vendors' dossiers that an evidence pack carries as files: evidence files, deposits
/// with their manifests, and verification runs.
public struct PackRecords: Sendable {
    /// An evidence file attached to one of the vendors' certifications.
    public struct EvidenceFile: Sendable, Equatable {
        /// The file's SHA-256, hex: its name in the store and in the pack.
        public var sha256: String
        /// Where the store keeps its bytes.
        public var storedPath: String
    }

    /// A deposit, its manifest's stored bytes (canonical JSON) and its verification runs, oldest first.
    public struct Deposit: Sendable {
        public var deposit: EscrowDeposit
        public var manifest: [UInt8]
        public var verifications: [EscrowVerification]
    }

    /// Distinct evidence files, by SHA-256.
    public var evidence: [EvidenceFile] = []
    /// Deposits under the vendors' offers, oldest first.
    public var deposits: [Deposit] = []
}

extension Store {
    /// The evidence files, deposits, manifests and verification runs of the vendors with these ids.
    public func packRecords(vendorIds: [Int64]) throws(StoreError) -> PackRecords {
        let root = location.evidenceDirectory
        return try read { db in
            var records = PackRecords()
            guard !vendorIds.isEmpty else { return records }
            let vendors = SQL.placeholders(vendorIds.count)
            let hashes = try db.values(
                String.self,
                """
                SELECT DISTINCT "sha256" FROM "evidence"
                WHERE "certificationId" IN (SELECT "id" FROM "certification" WHERE "vendorId" IN (\(vendors)))
                ORDER BY "sha256"
                """, vendorIds)
            records.evidence = hashes.map { hash in
                PackRecords.EvidenceFile(
                    sha256: hash, storedPath: root + "/" + EvidenceBlobs.relativePath(sha256: hash))
            }
            let deposits = try db.all(
                DepositRecord.self,
                """
                SELECT * FROM "escrowDeposit"
                WHERE "offerId" IN (SELECT "id" FROM "escrowOffer" WHERE "vendorId" IN (\(vendors)))
                ORDER BY "id"
                """, vendorIds)
            for record in deposits {
                let deposit = try Self.deposit(db, record)
                let runs = try Self.verificationRecords(db, deposit: deposit.id).map { try Self.verification(db, $0) }
                records.deposits.append(
                    PackRecords.Deposit(
                        deposit: deposit, manifest: try ManifestRecord.storedBody(db, depositId: deposit.id) ?? [],
                        verifications: runs))
            }
            return records
        }
    }

    /// The audit log's entries from the first through `seq`, oldest first.
    public func logEntries(through seq: Int64) throws(StoreError) -> [LogEntry] {
        try read { db in
            try db.all(LogEntry.self, #"SELECT * FROM "auditLog" WHERE "seq" <= ? ORDER BY "seq""#, [seq])
        }
    }
}
