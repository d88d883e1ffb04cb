import AssayBundle
import AssayCore
import AssayCrypto

extension Store {
    /// Records a deposit under an offer: the bundle's canonical manifest, digest and counts, logged as
    /// `escrow.deposit` (the log keeps the manifest's SHA-256, not its body). The bundle itself is not copied.
    @discardableResult
    public func recordDeposit(
        offer offerId: Int64,
        manifest: Manifest,
        label: String?,
        sourcePath: String,
        signerKey: String? = nil
    ) throws(StoreError) -> EscrowDeposit {
        guard let bundleDigest = manifest.bundleDigest else {
            throw StoreError.refused("a deposit needs a complete manifest read from the bundle itself")
        }
        let body: [UInt8]
        do {
            body = try ManifestCodec.encode(manifest, as: .assay)
        } catch {
            throw StoreError.refused(error.description)
        }
        let bodyDigest = try StoreError.hashing { () throws(CryptoError) in try DigestContext.digest(body).hex }
        return try write { db, log in
            let offer = try Self.offerRecord(db, offerId)
            var record = DepositRecord(
                offerId: offerId, label: label, sourcePath: sourcePath, algorithm: manifest.algorithm.rawValue,
                bundleDigest: bundleDigest.hex, files: manifest.totals.files, directories: manifest.totals.directories,
                symlinks: manifest.totals.symlinks, bytes: Int64(manifest.totals.bytes),
                strippedPrefix: manifest.strippedPrefix?.description, findings: manifest.findings.count,
                manifestSha256: bodyDigest,
                signerKeyId: try signerKey.map { try Self.keyId(db, fingerprint: $0) }, depositedAt: Timestamp.now()
            )
            try db.insert(&record)
            let deposit = try Self.deposit(db, record)
            try ManifestRecord.insert(db, depositId: deposit.id, body: body)
            try log.append(db, action: "escrow.deposit", entity: "escrowDeposit", entityId: deposit.id,
                           vendorId: offer.vendorId, change: Change<EscrowDeposit>(after: deposit))
            return deposit
        }
    }

    /// One deposit with its latest verification.
    public func escrowDeposit(_ id: Int64) throws(StoreError) -> EscrowDeposit {
        try read { db in try Self.deposit(db, try Self.depositRecord(db, id)) }
    }

    /// The manifest stored with a deposit.
    public func depositManifest(_ id: Int64) throws(StoreError) -> Manifest {
        let body = try read { db in
            _ = try Self.depositRecord(db, id)
            return try ManifestRecord.storedBody(db, depositId: id) ?? []
        }
        do {
            return try ManifestCodec.decode(body, file: "deposit #\(id) manifest", format: .assay)
        } catch {
            throw StoreError.refused("the stored manifest of deposit #\(id) cannot be read: \(error.description)")
        }
    }

    /// Deposits under an offer, or of a vendor, oldest first.
    public func escrowDeposits(offer offerId: Int64? = nil, vendor: String? = nil) throws(StoreError) -> [EscrowDeposit] {
        try read { db in
            var conditions: [String] = []
            var arguments: [any SQLValueConvertible] = []
            if let offerId {
                conditions.append(#""offerId" = ?"#)
                arguments.append(offerId)
            }
            if let vendor {
                conditions.append(#""offerId" IN (SELECT "id" FROM "escrowOffer" WHERE "vendorId" = ?)"#)
                arguments.append(try VendorResolver.resolve(db, vendor).id)
            }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let sql = #"SELECT * FROM "escrowDeposit""# + filter + #" ORDER BY "id""#
            return try db.all(DepositRecord.self, sql, arguments).map { try Self.deposit(db, $0) }
        }
    }

    static func depositRecord(_ db: any SQLConnection, _ id: Int64) throws -> DepositRecord {
        guard let record = try db.find(DepositRecord.self, id: id) else {
            throw StoreError.notFound(entity: "deposit", id: "\(id)")
        }
        return record
    }

    static func deposit(_ db: any SQLConnection, _ record: DepositRecord) throws -> EscrowDeposit {
        guard let id = record.id else { throw StoreError.database("deposit row without id") }
        let offer = try offerRecord(db, record.offerId)
        var names = NameCache()
        let last = try db.one(
            VerificationRecord.self,
            #"SELECT * FROM "escrowVerification" WHERE "depositId" = ? ORDER BY "id" DESC LIMIT 1"#, [id])
        return EscrowDeposit(
            id: id, offerId: record.offerId,
            vendor: VendorReference(
                id: offer.vendorId, name: try names.vendor(db, offer.vendorId), link: nil),
            label: record.label, sourcePath: record.sourcePath, algorithm: record.algorithm,
            bundleDigest: record.bundleDigest, files: record.files, directories: record.directories,
            symlinks: record.symlinks, bytes: record.bytes, strippedPrefix: record.strippedPrefix,
            findings: record.findings, manifestSha256: record.manifestSha256,
            signerKey: try fingerprint(db, record.signerKeyId), depositedAt: record.depositedAt,
            lastVerification: try last.map { try verification(db, $0) }
        )
    }

    static func keyId(_ db: any SQLConnection, fingerprint: String) throws -> Int64 {
        guard let id = try db.value(Int64.self, #"SELECT "id" FROM "vendorKey" WHERE "fingerprint" = ?"#, [fingerprint])
        else { throw StoreError.notFound(entity: "vendor key", id: fingerprint) }
        return id
    }

    static func fingerprint(_ db: any SQLConnection, _ keyId: Int64?) throws -> String? {
        guard let keyId else { return nil }
        return try db.value(String.self, #"SELECT "fingerprint" FROM "vendorKey" WHERE "id" = ?"#, [keyId])
    }
}
