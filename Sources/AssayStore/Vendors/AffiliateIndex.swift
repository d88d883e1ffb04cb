/// The affiliate tree held in memory: names, parent links and children of a set of vendors.
///
/// Built from one query for a whole store (the audit) or from the few vendors around one vendor (event lists),
/// so that ``EventPropagation`` walks the same tree either way without a query per step.
struct AffiliateIndex {
    private(set) var names: [Int64: String] = [:]
    private(set) var parents: [Int64: Int64] = [:]
    private(set) var children: [Int64: [Int64]] = [:]

    /// Deepest tree walked; parent links are checked for cycles when written, this guards reads regardless.
    static let maximumDepth = 1000

    init(_ vendors: some Sequence<(id: Int64, name: String, parentId: Int64?)>) {
        for vendor in vendors {
            names[vendor.id] = vendor.name
            if let parentId = vendor.parentId {
                parents[vendor.id] = parentId
                children[parentId, default: []].append(vendor.id)
            }
        }
    }

    /// The vendor's name, or `#id` when it is not in the index.
    func name(_ id: Int64) -> String { names[id] ?? "#\(id)" }

    /// The ids of a vendor's ancestors, nearest first.
    func ancestors(of id: Int64) -> [Int64] {
        var result: [Int64] = []
        var current = parents[id]
        while let parent = current, result.count < Self.maximumDepth, names[parent] != nil {
            result.append(parent)
            current = parents[parent]
        }
        return result
    }

    /// The ids of everything under a vendor (not the vendor itself), breadth first.
    func descendants(of id: Int64) -> [Int64] {
        var result: [Int64] = []
        var level = children[id] ?? []
        var depth = 0
        while !level.isEmpty, depth < Self.maximumDepth {
            result += level
            level = level.flatMap { children[$0] ?? [] }
            depth += 1
        }
        return result
    }

    /// Names from a descendant up to `top`, subtree first.
    func path(from start: Int64, upTo top: Int64) -> [String] {
        var names = [name(start)]
        var current = start
        while current != top, let parent = parents[current], names.count <= Self.maximumDepth {
            names.append(name(parent))
            current = parent
        }
        return names
    }
}
