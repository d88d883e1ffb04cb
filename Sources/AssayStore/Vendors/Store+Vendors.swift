import AssayCore
import GRDB

extension Store {
    /// Adds a vendor with its aliases and identifiers, logged as `vendor.add`.
    @discardableResult
    public func addVendor(_ draft: VendorDraft) throws(StoreError) -> VendorDetails {
        try addVendors([draft])[0]
    }

    /// Adds many vendors in one transaction: all or none. A draft may name an earlier draft as its parent.
    /// Registry records whose manufacturer now names one of them are linked to it in the same transaction.
    @discardableResult
    public func addVendors(_ drafts: [VendorDraft]) throws(StoreError) -> [VendorDetails] {
        return try write { db, log in
            let added = try drafts.map { draft in try Self.insertVendor(db, draft, log: log) }
            try Self.relinkRegistryRecords(db, log: log)
            return added
        }
    }

    /// Changes a vendor's fields, names and identifiers, logged as `vendor.edit` with before and after. A change of
    /// names or aliases relinks registry records in the same transaction.
    @discardableResult
    public func editVendor(_ reference: String, _ changes: VendorChanges) throws(StoreError) -> VendorDetails {
        return try write { db, log in
            var vendor = try VendorResolver.resolve(db, reference)
            let id = try Self.id(of: vendor)
            let before = try Self.details(db, vendor)
            if let name = changes.name {
                let name = try Self.nonEmpty(name, field: "vendor name")
                try VendorName.filter(VendorName.Columns.vendorId == id && VendorName.Columns.isPrimary).deleteAll(db)
                try Self.claim(db, name: name, for: id, primary: true)
                vendor.name = name
            }
            for alias in changes.removeAliases {
                let removed = try VendorName.filter(
                    VendorName.Columns.key == VendorName.key(for: alias) && VendorName.Columns.vendorId == id
                        && !VendorName.Columns.isPrimary
                ).deleteAll(db)
                if removed == 0 { throw StoreError.refused("'\(alias)' is not an alias of '\(vendor.name)'") }
            }
            for alias in changes.addAliases { try Self.claim(db, name: alias, for: id, primary: false) }
            for identifier in changes.removeIdentifiers {
                let removed = try VendorIdentifier.filter(
                    VendorIdentifier.Columns.vendorId == id && VendorIdentifier.Columns.kind == identifier.kind
                        && VendorIdentifier.Columns.value == identifier.value
                ).deleteAll(db)
                if removed == 0 { throw StoreError.refused("'\(vendor.name)' has no identifier \(identifier)") }
            }
            for identifier in changes.addIdentifiers { try Self.register(db, identifier, for: id) }
            if let country = changes.country { vendor.country = country }
            if let website = changes.website { vendor.website = website.isEmpty ? nil : website }
            if let relationship = changes.relationship { vendor.relationship = relationship }
            if let tier = changes.tier { vendor.tier = try Self.checkedTier(tier) }
            if let notes = changes.notes { vendor.notes = notes.isEmpty ? nil : notes }
            if changes.clearParent {
                vendor.parentId = nil
                vendor.parentLink = nil
            }
            if let parent = changes.parent {
                let parentVendor = try VendorResolver.resolve(db, parent)
                try Self.refuseCycle(db, child: vendor, parent: parentVendor)
                vendor.parentId = parentVendor.id
                vendor.parentLink = changes.parentLink ?? vendor.parentLink ?? .subsidiary
            } else if let link = changes.parentLink {
                guard vendor.parentId != nil else {
                    throw StoreError.refused("'\(vendor.name)' has no parent to link to")
                }
                vendor.parentLink = link
            }
            vendor.updatedAt = Timestamp.now()
            try vendor.update(db)
            let after = try Self.details(db, vendor)
            try log.append(
                db, action: "vendor.edit", entity: "vendor", entityId: id, vendorId: id,
                change: Change(before: before, after: after))
            if before.name != after.name || before.aliases != after.aliases {
                try Self.relinkRegistryRecords(db, log: log)
            }
            return after
        }
    }

    /// Removes a vendor that nothing else depends on, logged as `vendor.remove`. Its registry records are unlinked,
    /// and a manufacturer it made ambiguous links to the vendor that remains.
    public func removeVendor(_ reference: String) throws(StoreError) {
        try write { db, log in
            let vendor = try VendorResolver.resolve(db, reference)
            let id = try Self.id(of: vendor)
            let children = try Vendor.filter(Vendor.Columns.parentId == id).fetchCount(db)
            if children > 0 {
                throw StoreError.inUse(
                    entity: "vendor", name: vendor.name,
                    dependents: "\(children) affiliate(s) name it as parent; re-parent them first")
            }
            let certifications = try Certification.filter(Certification.Columns.vendorId == id).fetchCount(db)
            if certifications > 0 {
                throw StoreError.inUse(
                    entity: "vendor", name: vendor.name,
                    dependents: "it has \(certifications) certification(s); remove them first")
            }
            let events = try MarketEventRecord.filter(MarketEventRecord.Columns.vendorId == id).fetchCount(db)
            if events > 0 {
                throw StoreError.inUse(
                    entity: "vendor", name: vendor.name,
                    dependents: "it has \(events) market-access event(s); remove them first")
            }
            let before = try Self.details(db, vendor)
            try vendor.delete(db)
            try log.append(
                db, action: "vendor.remove", entity: "vendor", entityId: id, vendorId: id,
                change: Change<VendorDetails>(before: before))
            try Self.relinkRegistryRecords(db, log: log)
        }
    }

    /// One vendor by name, alias or id.
    public func vendor(_ reference: String) throws(StoreError) -> VendorDetails {
        try read { db in try Self.details(db, try VendorResolver.resolve(db, reference)) }
    }

    /// Vendors matching a filter, by name.
    public func vendors(_ filter: VendorFilter = VendorFilter()) throws(StoreError) -> [VendorDetails] {
        try read { db in
            var request = Vendor.order(Vendor.Columns.name.collating(.localizedCaseInsensitiveCompare))
            if let country = filter.country { request = request.filter(Vendor.Columns.country == country) }
            if let relationship = filter.relationship {
                request = request.filter(Vendor.Columns.relationship == relationship)
            }
            if let tier = filter.tier { request = request.filter(Vendor.Columns.tier == tier) }
            if let under = filter.under {
                let ids = try AffiliateTree.subtree(db, of: try Self.id(of: try VendorResolver.resolve(db, under)))
                request = request.filter(ids.contains(Vendor.Columns.id))
            }
            return try request.fetchAll(db).map { try Self.details(db, $0) }
        }
    }
}

extension Store {
    static func insertVendor(_ db: Database, _ draft: VendorDraft, log: AuditLog) throws -> VendorDetails {
        let name = try nonEmpty(draft.name, field: "vendor name")
        let now = Timestamp.now()
        var vendor = Vendor(
            name: name, country: draft.country, website: draft.website, parentId: nil, parentLink: nil,
            relationship: draft.relationship, tier: try checkedTier(draft.tier), notes: draft.notes,
            createdAt: now, updatedAt: now
        )
        if let parent = draft.parent {
            vendor.parentId = try VendorResolver.resolve(db, parent).id
            vendor.parentLink = draft.parentLink ?? .subsidiary
        }
        try vendor.insertCached(db)
        let id = try id(of: vendor)
        try claim(db, name: name, for: id, primary: true)
        for alias in draft.aliases { try claim(db, name: alias, for: id, primary: false) }
        for identifier in draft.identifiers { try register(db, identifier, for: id) }
        let details = try details(db, vendor)
        try log.append(
            db, action: "vendor.add", entity: "vendor", entityId: id, vendorId: id,
            change: Change<VendorDetails>(after: details))
        return details
    }

    static func id(of vendor: Vendor) throws -> Int64 {
        guard let id = vendor.id else { throw StoreError.database("vendor row without id") }
        return id
    }

    static func nonEmpty(_ text: String, field: String) throws -> String {
        let trimmed = text.trimmedOfWhitespace
        if trimmed.isEmpty { throw StoreError.invalidValue(.emptyValue(field: field)) }
        return trimmed
    }

    static func checkedTier(_ tier: Int?) throws -> Int? {
        if let tier, !(1...4).contains(tier) {
            throw StoreError.invalidValue(
                .invalidEnumValue(field: "tier", value: "\(tier)", allowed: ["1", "2", "3", "4"]))
        }
        return tier
    }

    /// Reserves a name or alias for a vendor, refusing one that already names a vendor.
    static func claim(_ db: Database, name: String, for vendorId: Int64, primary: Bool) throws {
        let name = try nonEmpty(name, field: primary ? "vendor name" : "alias")
        try PlainText.check(name, field: primary ? "vendor name" : "alias")
        let key = VendorName.key(for: name)
        if let existing = try VendorName.cached(db, key: key) {
            let owner = try Vendor.cached(db, id: existing.vendorId)?.name ?? existing.name
            throw StoreError.duplicateName(name, existing: owner)
        }
        try VendorName(key: key, vendorId: vendorId, name: name, isPrimary: primary).insertCached(db)
    }

    static func register(_ db: Database, _ identifier: LegalIdentifier, for vendorId: Int64) throws {
        try PlainText.check(identifier.description, field: "identifier")
        let existing = try VendorIdentifier.filter(
            VendorIdentifier.Columns.kind == identifier.kind && VendorIdentifier.Columns.value == identifier.value
        ).fetchOne(db)
        if let existing {
            let owner = try Vendor.fetchOne(db, key: existing.vendorId)?.name ?? "#\(existing.vendorId)"
            throw StoreError.duplicateIdentifier(kind: identifier.kind, value: identifier.value, vendor: owner)
        }
        var row = VendorIdentifier(vendorId: vendorId, kind: identifier.kind, value: identifier.value)
        try row.insert(db)
    }

    static func refuseCycle(_ db: Database, child: Vendor, parent: Vendor) throws {
        let childId = try id(of: child)
        if try AffiliateTree.ancestors(db, of: try id(of: parent)).contains(childId) || parent.id == childId {
            throw StoreError.parentCycle(vendor: child.name, parent: parent.name)
        }
    }

    static func details(_ db: Database, _ vendor: Vendor) throws -> VendorDetails {
        let id = try id(of: vendor)
        // Cached statements: this runs for every vendor a bulk write adds.
        let aliases = try String.fetchAll(
            db.cachedStatement(sql: "SELECT name FROM vendorName WHERE vendorId = ? AND NOT isPrimary"),
            arguments: [id]
        ).sorted()
        let identifiers = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT kind, value FROM vendorIdentifier WHERE vendorId = ? ORDER BY kind, value"),
            arguments: [id]
        ).map { try LegalIdentifier(kind: $0[0], value: $0[1]) }
        let parent = try vendor.parentId.flatMap { try Vendor.cached(db, id: $0) }
        let children = try Vendor.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM vendor WHERE parentId = ? ORDER BY name"), arguments: [id])
        return VendorDetails(
            id: id, name: vendor.name, aliases: aliases, country: vendor.country, identifiers: identifiers,
            website: vendor.website,
            parent: try parent.map { VendorReference(id: try Self.id(of: $0), name: $0.name, link: vendor.parentLink) },
            affiliates: try children.map {
                VendorReference(id: try Self.id(of: $0), name: $0.name, link: $0.parentLink)
            },
            relationship: vendor.relationship, tier: vendor.tier, notes: vendor.notes,
            createdAt: vendor.createdAt, updatedAt: vendor.updatedAt
        )
    }
}
