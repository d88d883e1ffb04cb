import AssayCore

/// Everything the store knows about one vendor, as shown by `vendor show` and written to the audit log.
public struct VendorDetails: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var aliases: [String]
    public var country: CountryCode?
    public var identifiers: [LegalIdentifier]
    public var website: String?
    /// The parent in the affiliate tree and how this vendor is linked to it.
    public var parent: VendorReference?
    /// Direct children in the affiliate tree.
    public var affiliates: [VendorReference]
    public var relationship: VendorRelationship
    /// Criticality tier, 1 (most critical) to 4.
    public var tier: Int?
    public var notes: String?
    public var createdAt: String
    public var updatedAt: String
}

/// A pointer to another vendor in outputs.
public struct VendorReference: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// How the child is linked to its parent, when known.
    public var link: ParentLink?
}

/// What a new vendor is made of.
public struct VendorDraft: Sendable {
    public var name: String
    public var aliases: [String] = []
    public var country: CountryCode?
    public var identifiers: [LegalIdentifier] = []
    public var website: String?
    /// The parent's name, alias or id.
    public var parent: String?
    public var parentLink: ParentLink?
    public var relationship: VendorRelationship = .monitored
    public var tier: Int?
    public var notes: String?

    public init(name: String) { self.name = name }
}

/// An edit of a vendor: `nil` leaves a field as it is.
public struct VendorChanges: Sendable {
    public var name: String?
    public var addAliases: [String] = []
    public var removeAliases: [String] = []
    public var country: CountryCode?
    public var addIdentifiers: [LegalIdentifier] = []
    public var removeIdentifiers: [LegalIdentifier] = []
    public var website: String?
    /// A new parent's name, alias or id.
    public var parent: String?
    public var clearParent = false
    public var parentLink: ParentLink?
    public var relationship: VendorRelationship?
    public var tier: Int?
    public var notes: String?

    public init() {}
}

/// Filters for `vendor list`.
public struct VendorFilter: Sendable {
    public var country: CountryCode?
    public var relationship: VendorRelationship?
    public var tier: Int?
    /// Only this vendor and its affiliates (the subtree under it).
    public var under: String?

    public init() {}
}
