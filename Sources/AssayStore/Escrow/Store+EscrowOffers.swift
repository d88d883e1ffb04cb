import AssayCore
import AssayCrypto
import Foundation

extension Store {
    /// Registers a vendor's public key for checking signed manifests, logged as `vendor.key-add`.
    @discardableResult
    public func addVendorKey(_ vendorReference: String, key: PublicKey, label: String?) throws(StoreError) -> VendorKey {
        try write { db, log in
            let vendor = try VendorResolver.resolve(db, vendorReference)
            let vendorId = try Self.id(of: vendor)
            let fingerprint = key.fingerprint.hex
            if let existing = try db.one(
                VendorKeyRecord.self, #"SELECT * FROM "vendorKey" WHERE "fingerprint" = ?"#, [fingerprint])
            {
                let owner =
                    try db.value(String.self, #"SELECT "name" FROM "vendor" WHERE "id" = ?"#, [existing.vendorId])
                    ?? "#\(existing.vendorId)"
                throw StoreError.refused("key \(fingerprint.prefix(16))… is already registered to vendor '\(owner)'")
            }
            var record = VendorKeyRecord(
                vendorId: vendorId, type: key.type.rawValue, fingerprint: fingerprint, publicKey: Self.pem(key.der),
                label: label, addedAt: Timestamp.now()
            )
            try db.insert(&record)
            let view = try Self.vendorKey(record, vendor: vendor)
            try log.append(db, action: "vendor.key-add", entity: "vendorKey", entityId: view.id, vendorId: vendorId,
                           change: Change<VendorKey>(after: view))
            return view
        }
    }

    /// A vendor's registered keys.
    public func vendorKeys(_ vendorReference: String) throws(StoreError) -> [VendorKey] {
        try read { db in
            let vendor = try VendorResolver.resolve(db, vendorReference)
            return try db.all(
                VendorKeyRecord.self, #"SELECT * FROM "vendorKey" WHERE "vendorId" = ? ORDER BY "id""#, [vendor.id]
            ).map { try Self.vendorKey($0, vendor: vendor) }
        }
    }

    /// Records a vendor's offer of its source code, logged as `escrow.offer-add`.
    @discardableResult
    public func addEscrowOffer(_ draft: EscrowOfferDraft) throws(StoreError) -> EscrowOffer {
        try write { db, log in
            let vendor = try VendorResolver.resolve(db, draft.vendor)
            var record = OfferRecord(
                vendorId: try Self.id(of: vendor), kind: draft.kind, agent: draft.agent, terms: draft.terms,
                offeredOn: draft.offeredOn, source: draft.source, notes: draft.notes, createdAt: Timestamp.now()
            )
            try db.insert(&record)
            let offer = try Self.offer(db, record)
            try log.append(db, action: "escrow.offer-add", entity: "escrowOffer", entityId: offer.id,
                           vendorId: record.vendorId, change: Change<EscrowOffer>(after: offer))
            return offer
        }
    }

    /// One offer.
    public func escrowOffer(_ id: Int64) throws(StoreError) -> EscrowOffer {
        try read { db in try Self.offer(db, try Self.offerRecord(db, id)) }
    }

    /// Offers, of one vendor (and its affiliates when `includeAffiliates`) or of all.
    public func escrowOffers(vendor: String? = nil) throws(StoreError) -> [EscrowOffer] {
        try read { db in
            let offers: [OfferRecord]
            if let vendor {
                let vendorId = try VendorResolver.resolve(db, vendor).id
                offers = try db.all(
                    OfferRecord.self, #"SELECT * FROM "escrowOffer" WHERE "vendorId" = ? ORDER BY "id""#, [vendorId])
            } else {
                offers = try db.all(OfferRecord.self, #"SELECT * FROM "escrowOffer" ORDER BY "id""#)
            }
            return try offers.map { try Self.offer(db, $0) }
        }
    }

    static func offerRecord(_ db: any SQLConnection, _ id: Int64) throws -> OfferRecord {
        guard let record = try db.find(OfferRecord.self, id: id) else {
            throw StoreError.notFound(entity: "escrow offer", id: "\(id)")
        }
        return record
    }

    static func offer(_ db: any SQLConnection, _ record: OfferRecord) throws -> EscrowOffer {
        guard let id = record.id else { throw StoreError.database("offer row without id") }
        var names = NameCache()
        return EscrowOffer(
            id: id,
            vendor: VendorReference(
                id: record.vendorId, name: try names.vendor(db, record.vendorId), link: nil),
            kind: record.kind, agent: record.agent, terms: record.terms, offeredOn: record.offeredOn,
            source: record.source, notes: record.notes, createdAt: record.createdAt,
            deposits: try db.value(Int.self, #"SELECT COUNT(*) FROM "escrowDeposit" WHERE "offerId" = ?"#, [id]) ?? 0
        )
    }

    static func vendorKey(_ record: VendorKeyRecord, vendor: Vendor) throws -> VendorKey {
        guard let id = record.id else { throw StoreError.database("key row without id") }
        return VendorKey(
            id: id, vendor: VendorReference(id: record.vendorId, name: vendor.name, link: nil), type: record.type,
            fingerprint: record.fingerprint, publicKey: record.publicKey, label: record.label, addedAt: record.addedAt
        )
    }

    /// PEM text of a DER SubjectPublicKeyInfo.
    static func pem(_ der: [UInt8]) -> String {
        let base64 = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN PUBLIC KEY-----\n\(base64)\n-----END PUBLIC KEY-----\n"
    }
}
