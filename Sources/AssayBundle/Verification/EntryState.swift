/// What one side of a comparison recorded for a path, as shown in reports.
public struct EntryState: Codable, Equatable, Sendable {
    /// File, directory or symlink.
    public var type: EntryType
    /// Content size, when recorded.
    public var size: UInt64?
    /// Content digest in hex, when recorded.
    public var digest: String?
    /// The executable bit, when recorded.
    public var executable: Bool?
    /// The symlink target for display, when a symlink.
    public var target: String?

    init(_ entry: BundleEntry) {
        type = entry.type
        size = entry.size
        digest = entry.digest?.hex
        executable = entry.executable
        target = entry.linkTarget?.description
    }
}

/// How an expected and an actual entry at the same path differ; empty when they agree on everything both record.
enum EntryComparison {
    static func kinds(expected: BundleEntry, actual: BundleEntry) -> [Difference.Kind] {
        guard expected.type == actual.type else { return [.typeChanged] }
        var kinds: [Difference.Kind] = []
        switch expected.type {
        case .file:
            if differ(expected.size, actual.size) || differ(expected.digest, actual.digest) { kinds.append(.modified) }
            if differ(expected.executable, actual.executable) { kinds.append(.executableChanged) }
        case .symlink:
            if differ(expected.linkTarget, actual.linkTarget) { kinds.append(.targetChanged) }
        case .directory:
            break
        }
        return kinds
    }

    /// Whether both sides record a value and the values differ; an unrecorded value never differs.
    private static func differ<T: Equatable>(_ lhs: T?, _ rhs: T?) -> Bool {
        guard let lhs, let rhs else { return false }
        return lhs != rhs
    }

    /// Walks two path-sorted entry lists together, calling `body` with each path's entry on either side.
    static func mergeJoin(
        _ expected: EntryList, _ actual: EntryList, _ body: (BundleEntry?, BundleEntry?) -> Void
    ) {
        var left = 0
        var right = 0
        while left < expected.count || right < actual.count {
            if right == actual.count
                || (left < expected.count
                    && expected.pathBytes(left).lexicographicallyPrecedes(actual.pathBytes(right)))
            {
                body(expected[left], nil)
                left += 1
            } else if left == expected.count
                || actual.pathBytes(right).lexicographicallyPrecedes(expected.pathBytes(left))
            {
                body(nil, actual[right])
                right += 1
            } else {
                body(expected[left], actual[right])
                left += 1
                right += 1
            }
        }
    }
}
