import AssayCore

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
                try db.run(#"DELETE FROM "vendorName" WHERE "vendorId" = ? AND "isPrimary" = 1"#, [id])
                try Self.claim(db, name: name, for: id, primary: true)
                vendor.name = name
            }
            for alias in changes.removeAliases {
                let removed = try db.changes(
                    #"DELETE FROM "vendorName" WHERE "key" = ? AND "vendorId" = ? AND "isPrimary" = 0"#,
                    [VendorName.key(for: alias), id])
                if removed == 0 { throw StoreError.refused("'\(alias)' is not an alias of '\(vendor.name)'") }
            }
            for alias in changes.addAliases { try Self.claim(db, name: alias, for: id, primary: false) }
            for identifier in changes.removeIdentifiers {
                let removed = try db.changes(
                    #"DELETE FROM "vendorIdentifier" WHERE "vendorId" = ? AND "kind" = ? AND "value" = ?"#,
                    [id, identifier.kind, identifier.value])
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
            try db.update(vendor)
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
            let children = try db.value(Int.self, #"SELECT COUNT(*) FROM "vendor" WHERE "parentId" = ?"#, [id]) ?? 0
            if children > 0 {
                throw StoreError.inUse(
                    entity: "vendor", name: vendor.name,
                    dependents: "\(children) affiliate(s) name it as parent; re-parent them first")
            }
            let certifications =
                try db.value(Int.self, #"SELECT COUNT(*) FROM "certification" WHERE "vendorId" = ?"#, [id]) ?? 0
            if certifications > 0 {
                throw StoreError.inUse(
                    entity: "vendor", name: vendor.name,
                    dependents: "it has \(certifications) certification(s); remove them first")
            }
            let events = try db.value(Int.self, #"SELECT COUNT(*) FROM "marketEvent" WHERE "vendorId" = ?"#, [id]) ?? 0
            if events > 0 {
                throw StoreError.inUse(
                    entity: "vendor", name: vendor.name,
                    dependents: "it has \(events) market-access event(s); remove them first")
            }
            let before = try Self.details(db, vendor)
            try db.delete(Vendor.self, key: [id])
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
        try read { db in try Self.vendors(db, filter) }
    }
}

extension Store {
    static func insertVendor(_ db: any SQLConnection, _ draft: VendorDraft, log: AuditLog) throws -> VendorDetails {
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
    static func claim(_ db: any SQLConnection, name: String, for vendorId: Int64, primary: Bool) throws {
        let name = try nonEmpty(name, field: primary ? "vendor name" : "alias")
        try PlainText.check(name, field: primary ? "vendor name" : "alias")
        let key = VendorName.key(for: name)
        if let existing = try VendorName.cached(db, key: key) {
            let owner = try Vendor.cached(db, id: existing.vendorId)?.name ?? existing.name
            throw StoreError.duplicateName(name, existing: owner)
        }
        try VendorName(key: key, vendorId: vendorId, name: name, isPrimary: primary).insertCached(db)
    }

    static func register(_ db: any SQLConnection, _ identifier: LegalIdentifier, for vendorId: Int64) throws {
        try PlainText.check(identifier.description, field: "identifier")
        let owner = try db.value(
            Int64.self, #"SELECT "vendorId" FROM "vendorIdentifier" WHERE "kind" = ? AND "value" = ?"#,
            [identifier.kind, identifier.value])
        if let owner {
            let name = try Vendor.cached(db, id: owner)?.name ?? "#\(owner)"
            throw StoreError.duplicateIdentifier(kind: identifier.kind, value: identifier.value, vendor: name)
        }
        var row = VendorIdentifier(vendorId: vendorId, kind: identifier.kind, value: identifier.value)
        try db.insert(&row)
    }

    static func refuseCycle(_ db: any SQLConnection, child: Vendor, parent: Vendor) throws {
        let childId = try id(of: child)
        if try AffiliateTree.ancestors(db, of: try id(of: parent)).contains(childId) || parent.id == childId {
            throw StoreError.parentCycle(vendor: child.name, parent: parent.name)
        }
    }

    static func details(_ db: any SQLConnection, _ vendor: Vendor) throws -> VendorDetails {
        let id = try id(of: vendor)
        // One SQL text per query (one prepared statement in SQLite): this runs for every vendor a bulk write adds.
        let aliases = try db.values(
            String.self, #"SELECT "name" FROM "vendorName" WHERE "vendorId" = ? AND "isPrimary" = 0"#, [id]
        ).sorted()
        let identifiers = try db.rows(
            #"SELECT "kind", "value" FROM "vendorIdentifier" WHERE "vendorId" = ? ORDER BY "kind", "value""#, [id]
        ).map { try LegalIdentifier(kind: $0[0], value: $0[1]) }
        let parent = try vendor.parentId.flatMap { try Vendor.cached(db, id: $0) }
        let children = try db.all(
            Vendor.self, #"SELECT * FROM "vendor" WHERE "parentId" = ? ORDER BY "name""#, [id])
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
