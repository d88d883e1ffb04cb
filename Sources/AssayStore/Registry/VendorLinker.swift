import AssayRegistry

/// Links the names a public registry publishes (CC and CMVP manufacturers, FCC Covered List entities) to vendors.
///
/// A name links to the one vendor whose name or alias normalises like it (case, punctuation, legal suffixes); a
/// name that fits several vendors links to none and is reported, never merged into one of them. Registries repeat
/// a few thousand spellings over many rows, so each name is matched once.
struct VendorLinker {
    /// How one name links.
    enum Link: Equatable {
        case vendor(Int64)
        /// Several vendors fit; their names, sorted.
        case ambiguous([String])
        case none
    }

    private let matcher: VendorMatcher<Int64>
    private var links: [String: Link] = [:]
    private var names = NameCache()

    /// A linker over every vendor's name and aliases as they are now.
    init(_ db: any SQLConnection) throws {
        matcher = try Store.vendorMatcher(db)
    }

    /// How `name` links.
    mutating func link(_ db: any SQLConnection, _ name: String) throws -> Link {
        if let known = links[name] { return known }
        let link: Link
        switch matcher.match(name) {
        case .matched(let id): link = .vendor(id)
        case .ambiguous(let ids):
            link = .ambiguous(try ids.map { try names.vendor(db, $0) }.sorted())
        case .unmatched: link = .none
        }
        links[name] = link
        return link
    }

    /// The vendor `name` links to, `nil` when it fits none or several.
    mutating func vendorId(_ db: any SQLConnection, _ name: String) throws -> Int64? {
        if case .vendor(let id) = try link(db, name) { return id }
        return nil
    }

    /// Every name met so far that fits several vendors, by name.
    var ambiguous: [AmbiguousManufacturer] {
        links.compactMap { name, link in
            guard case .ambiguous(let vendors) = link else { return nil }
            return AmbiguousManufacturer(manufacturer: name, vendors: vendors)
        }
        .sorted { $0.manufacturer < $1.manufacturer }
    }
}
