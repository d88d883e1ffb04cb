import AssayCrypto
import AssayStore

/// Changes to vendors that take more than one step: each change is recorded in one transaction, then what the
/// caller shows next is read.
public enum VendorRecords {
    /// A vendor as saved, and the registry records that now link to it (or fit it and another vendor alike).
    public struct Saved: Sendable {
        /// The vendor as stored.
        public var vendor: VendorDetails
        /// Registry records linked to the vendor, and names that fit it and another vendor alike.
        public var registryLinks: VendorRegistryLinks
    }

    /// Registers a vendor.
    public static func add(_ draft: VendorDraft, in store: Store) throws -> Saved {
        let vendor = try store.addVendor(draft)
        return Saved(vendor: vendor, registryLinks: try store.registryLinks(vendor: "#\(vendor.id)"))
    }

    /// Changes the vendor `reference` names (name, alias or id).
    public static func edit(_ reference: String, _ changes: VendorChanges, in store: Store) throws -> Saved {
        let vendor = try store.editVendor(reference, changes)
        return Saved(vendor: vendor, registryLinks: try store.registryLinks(vendor: "#\(vendor.id)"))
    }

    /// Removes the vendor `reference` names and returns its last state (which the audit log keeps).
    public static func remove(_ reference: String, in store: Store) throws -> VendorDetails {
        let removed = try store.vendor(reference)
        try store.removeVendor("#\(removed.id)")
        return removed
    }

    /// Reads the public key in `keyFile` (a private key is refused and never stored), then opens the store and
    /// registers it for the vendor `reference` names.
    public static func addKey(
        _ reference: String, keyFile: String, label: String?, opening openStore: StoreOpening
    ) throws -> VendorKey {
        let key = try SignatureCheck.keys([keyFile])[0]
        return try openStore(.readWrite).addVendorKey(reference, key: key, label: label)
    }
}
