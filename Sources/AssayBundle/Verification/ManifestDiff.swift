/// What changed between two manifests of the same algorithm, old to new, with byte totals.
public struct ManifestDiff: Codable, Equatable, Sendable {
    /// One path present in both manifests whose record changed.
    public struct Change: Codable, Equatable, Sendable {
        /// The path for display.
        public var path: String
        /// What changed (never `missing` or `added`).
        public var kinds: [Difference.Kind]
        /// The old record.
        public var old: EntryState
        /// The new record.
        public var new: EntryState
    }

    /// Paths only in the new manifest.
    public var added: [Difference]
    /// Paths only in the old manifest.
    public var removed: [Difference]
    /// Paths in both whose record changed.
    public var changed: [Change]
    /// Bytes of added files.
    public var bytesAdded: UInt64
    /// Bytes of removed files.
    public var bytesRemoved: UInt64
    /// New total file bytes minus old (negative when the bundle shrank).
    public var byteDelta: Int64

    /// Whether the two manifests describe the same bundle.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// Compares two manifests path by path.
    public init(from old: Manifest, to new: Manifest) throws(BundleError) {
        guard old.algorithm == new.algorithm else {
            throw BundleError.algorithmMismatch(expected: old.algorithm.rawValue, actual: new.algorithm.rawValue)
        }
        var added: [Difference] = []
        var removed: [Difference] = []
        var changed: [Change] = []
        EntryComparison.mergeJoin(old.entries, new.entries, matched: {}) { before, after in
            switch (before, after) {
            case (let before?, let after?):
                let kinds = EntryComparison.kinds(expected: before, actual: after)
                if !kinds.isEmpty {
                    changed.append(
                        Change(
                            path: before.path.description, kinds: kinds, old: EntryState(before), new: EntryState(after)
                        ))
                }
            case (let before?, nil): removed.append(Difference(before.path, .missing, expected: before, actual: nil))
            case (nil, let after?): added.append(Difference(after.path, .added, expected: nil, actual: after))
            case (nil, nil): break
            }
        }
        self.added = added
        self.removed = removed
        self.changed = changed
        bytesAdded = added.reduce(0) { $0 + ($1.actual?.size ?? 0) }
        bytesRemoved = removed.reduce(0) { $0 + ($1.expected?.size ?? 0) }
        byteDelta = Int64(clamping: new.totals.bytes) - Int64(clamping: old.totals.bytes)
    }
}
