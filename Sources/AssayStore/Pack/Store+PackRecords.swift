import AssayCore
import GRDB

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
            let certifications = Certification.select(Certification.Columns.id).filter(
                vendorIds.contains(Certification.Columns.vendorId))
            let hashes = try String.fetchAll(
                db,
                EvidenceRecord.select(EvidenceRecord.Columns.sha256, as: String.self)
                    .filter(certifications.contains(EvidenceRecord.Columns.certificationId)).distinct()
                    .order(EvidenceRecord.Columns.sha256))
            records.evidence = hashes.map { hash in
                PackRecords.EvidenceFile(
                    sha256: hash, storedPath: root + "/" + EvidenceBlobs.relativePath(sha256: hash))
            }
            let offers = OfferRecord.select(OfferRecord.Columns.id).filter(
                vendorIds.contains(OfferRecord.Columns.vendorId))
            let deposits = try DepositRecord.filter(offers.contains(DepositRecord.Columns.offerId))
                .order(DepositRecord.Columns.id).fetchAll(db)
            for record in deposits {
                let deposit = try Self.deposit(db, record)
                let runs = try VerificationRecord.filter(VerificationRecord.Columns.depositId == deposit.id)
                    .order(VerificationRecord.Columns.id).fetchAll(db).map { try Self.verification(db, $0) }
                records.deposits.append(
                    PackRecords.Deposit(
                        deposit: deposit, manifest: try ManifestRecord.fetchOne(db, key: deposit.id)?.body ?? [],
                        verifications: runs))
            }
            return records
        }
    }

    /// The audit log's entries from the first through `seq`, oldest first.
    public func logEntries(through seq: Int64) throws(StoreError) -> [LogEntry] {
        try read { db in try LogEntry.filter(LogEntry.Columns.seq <= seq).order(LogEntry.Columns.seq).fetchAll(db) }
    }
}
