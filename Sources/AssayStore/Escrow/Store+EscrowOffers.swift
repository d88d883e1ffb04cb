import AssayCore
import AssayCrypto
import Foundation
import GRDB

extension Store {
    /// Registers a vendor's public key for checking signed manifests, logged as `vendor.key-add`.
    @discardableResult
    public func addVendorKey(_ vendorReference: String, key: PublicKey, label: String?) throws(StoreError) -> VendorKey {
        try write { db, log in
            let vendor = try VendorResolver.resolve(db, vendorReference)
            let vendorId = try Self.id(of: vendor)
            let fingerprint = key.fingerprint.hex
            if let existing = try VendorKeyRecord.filter(VendorKeyRecord.Columns.fingerprint == fingerprint).fetchOne(db) {
                let owner = try Vendor.fetchOne(db, key: existing.vendorId)?.name ?? "#\(existing.vendorId)"
                throw StoreError.refused("key \(fingerprint.prefix(16))… is already registered to vendor '\(owner)'")
            }
            var record = VendorKeyRecord(
                vendorId: vendorId, type: key.type.rawValue, fingerprint: fingerprint, publicKey: Self.pem(key.der),
                label: label, addedAt: Timestamp.now()
            )
            try record.insert(db)
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
            return try VendorKeyRecord.filter(VendorKeyRecord.Columns.vendorId == vendor.id).fetchAll(db)
                .map { try Self.vendorKey($0, vendor: vendor) }
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
            try record.insert(db)
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
            var request = OfferRecord.order(OfferRecord.Columns.id)
            if let vendor {
                request = request.filter(OfferRecord.Columns.vendorId == (try VendorResolver.resolve(db, vendor)).id)
            }
            return try request.fetchAll(db).map { try Self.offer(db, $0) }
        }
    }

    static func offerRecord(_ db: Database, _ id: Int64) throws -> OfferRecord {
        guard let record = try OfferRecord.fetchOne(db, key: id) else {
            throw StoreError.notFound(entity: "escrow offer", id: "\(id)")
        }
        return record
    }

    static func offer(_ db: Database, _ record: OfferRecord) throws -> EscrowOffer {
        guard let id = record.id else { throw StoreError.database("offer row without id") }
        var names = NameCache()
        return EscrowOffer(
            id: id, vendor: VendorReference(id: record.vendorId, name: try names.vendor(db, record.vendorId), link: nil),
            kind: record.kind, agent: record.agent, terms: record.terms, offeredOn: record.offeredOn,
            source: record.source, notes: record.notes, createdAt: record.createdAt,
            deposits: try DepositRecord.filter(DepositRecord.Columns.offerId == id).fetchCount(db)
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
