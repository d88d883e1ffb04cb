import Foundation

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

    /// Walks two path-sorted entry lists together: `matched` for each path whose two entries agree on everything
    /// both record (decided on the stored records, building no entry: most paths of a large bundle), `body` with the
    /// entries of every other path, on either side or both.
    static func mergeJoin(
        _ expected: EntryList, _ actual: EntryList, matched: () -> Void, _ body: (BundleEntry?, BundleEntry?) -> Void
    ) {
        expected.withStorage { wantBytes, wantRecords in
            actual.withStorage { haveBytes, haveRecords in
                var left = 0
                var right = 0
                while left < wantRecords.count || right < haveRecords.count {
                    let order =
                        left == wantRecords.count
                        ? 1
                        : right == haveRecords.count
                            ? -1 : EntryList.compare(wantBytes, wantRecords[left], haveBytes, haveRecords[right])
                    if order < 0 {
                        body(expected[left], nil)
                        left += 1
                    } else if order > 0 {
                        body(nil, actual[right])
                        right += 1
                    } else {
                        if agree(wantBytes, wantRecords[left], haveBytes, haveRecords[right]) {
                            matched()
                        } else {
                            body(expected[left], actual[right])
                        }
                        left += 1
                        right += 1
                    }
                }
            }
        }
    }

    /// Whether two records of the same path agree on everything both record, as ``kinds(expected:actual:)`` decides
    /// on the entries they hold (it returns no kind exactly when this is `true`).
    static func agree(
        _ wantBytes: UnsafeBufferPointer<UInt8>, _ want: EntryList.Record,
        _ haveBytes: UnsafeBufferPointer<UInt8>, _ have: EntryList.Record
    ) -> Bool {
        let (wanted, had) = (want.flags, have.flags)
        guard wanted.type == had.type else { return false }
        switch wanted.type {
        case .file:
            if wanted.contains(.hasSize) && had.contains(.hasSize) && want.size != have.size { return false }
            if wanted.contains(.hasExecutable) && had.contains(.hasExecutable)
                && wanted.contains(.executable) != had.contains(.executable)
            {
                return false
            }
            guard let algorithm = wanted.algorithm, let other = had.algorithm else { return true }
            return algorithm == other
                && same(wantBytes, at: want.pathEnd + Int(want.targetLength), haveBytes,
                    at: have.pathEnd + Int(have.targetLength), count: algorithm.outputByteCount)
        case .symlink:
            guard wanted.contains(.hasTarget) && had.contains(.hasTarget) else { return true }
            return want.targetLength == have.targetLength
                && same(wantBytes, at: want.pathEnd, haveBytes, at: have.pathEnd, count: Int(want.targetLength))
        case .directory:
            return true
        }
    }

    private static func same(
        _ lhs: UnsafeBufferPointer<UInt8>, at left: Int, _ rhs: UnsafeBufferPointer<UInt8>, at right: Int, count: Int
    ) -> Bool {
        guard count > 0, let lhs = lhs.baseAddress, let rhs = rhs.baseAddress else { return true }
        return memcmp(lhs + left, rhs + right, count) == 0
    }
}
