/// Matches manufacturer names from registries to known vendors and their aliases, by normalised key.
///
/// A name whose key belongs to several vendors is reported as ambiguous, never merged into one of them.
public struct VendorMatcher<VendorID: Hashable & Sendable>: Sendable {
    /// The outcome of matching one name.
    public enum Match: Equatable, Sendable {
        case matched(VendorID)
        /// Several vendors share the name's key; their IDs in the order the vendors were given.
        case ambiguous([VendorID])
        case unmatched
    }

    private let index: [String: [VendorID]]

    /// Indexes each vendor under the keys of all its names (the vendor's name and aliases).
    public init(vendors: [(id: VendorID, names: [String])]) {
        var index: [String: [VendorID]] = [:]
        for vendor in vendors {
            for name in vendor.names {
                let key = VendorNameNormalizer.key(name)
                guard !key.isEmpty, !(index[key]?.contains(vendor.id) ?? false) else { continue }
                index[key, default: []].append(vendor.id)
            }
        }
        self.index = index
    }

    /// The vendor whose name or alias has the same key as `name`.
    public func match(_ name: String) -> Match {
        switch index[VendorNameNormalizer.key(name)] ?? [] {
        case []: .unmatched
        case let ids where ids.count == 1: .matched(ids[0])
        case let ids: .ambiguous(ids)
        }
    }
}
