import AssayCrypto
import Foundation

/// The record-level operations readers and checks use, without building a ``BundleEntry`` per entry.
extension EntryList {
    /// The record at `index`.
    func record(_ index: Int) -> Record { records[index] }

    /// The path bytes of the entry at `index`.
    /// Valid until the list changes.
    func pathBytes(_ index: Int) -> Slice<UnsafeBufferPointer<UInt8>> {
        let record = records[index]
        return arena.buffer[record.start..<record.pathEnd]
    }

    /// The path of the entry at `index`.
    func path(_ index: Int) -> EntryPath { EntryPath(bytes: Array(pathBytes(index))) }

    /// The position of the digest of the entry at `index` in ``bytes``.
    func digestOffset(_ index: Int) -> Int { records[index].pathEnd + Int(records[index].targetLength) }

    /// Writes a digest into the room reserved for it.
    mutating func setDigest(_ digest: Digest, at index: Int) {
        replaceBytes(at: digestOffset(index), with: digest.bytes)
    }

    /// Overwrites bytes in place (a digest's reserved room).
    mutating func replaceBytes(at offset: Int, with new: some Collection<UInt8>) {
        makeUnique()
        _ = UnsafeMutableBufferPointer(rebasing: arena.mutableBuffer[offset..<offset + new.count]).initialize(from: new)
    }

    /// Sets the size of the entry at `index`.
    mutating func setSize(_ size: UInt64, at index: Int) {
        records[index].size = size
        records[index].setFlags(records[index].flags.union(.hasSize))
    }

    /// Marks the entry at `index` to be left out by ``removeDropped()``.
    mutating func drop(_ index: Int) { records[index].setFlags(records[index].flags.union(.dropped)) }

    /// Replaces the path of the entry at `index` with one no longer than it (a normalised or stripped path).
    mutating func shortenPath(at index: Int, to path: some Collection<UInt8>) {
        let end = records[index].pathEnd
        let start = end - path.count
        precondition(path.count <= Int(records[index].pathLength), "a path may only get shorter in place")
        replaceBytes(at: start, with: path)
        records[index].setPath(start: start, length: path.count)
    }

    /// Drops the first `count` bytes of the path of the entry at `index`.
    mutating func dropPathPrefix(_ count: Int, at index: Int) {
        let record = records[index]
        records[index].setPath(start: record.start + count, length: Int(record.pathLength) - count)
    }

    /// Removes the entries marked by ``drop(_:)``; their bytes stay until the list is copied.
    mutating func removeDropped() { records.removeAll { $0.isDropped } }

    /// Sorts by path bytes; entries with equal paths keep the order in which they were appended.
    mutating func sortByPath() {
        let base = UnsafePointer(arena.base)
        records.sort { lhs, rhs in
            let order = EntryList.compare(base, lhs, rhs)
            return order != 0 ? order < 0 : lhs.start < rhs.start
        }
    }

    /// Whether the entries are in strictly increasing path order (sorted, no two equal).
    var isStrictlySorted: Bool {
        let base = UnsafePointer(arena.base)
        return records.indices.dropFirst().allSatisfy { EntryList.compare(base, records[$0 - 1], records[$0]) < 0 }
    }

    /// Path-byte order of two records: negative, zero or positive.
    static func compare(_ base: UnsafePointer<UInt8>?, _ lhs: Record, _ rhs: Record) -> Int {
        guard let base else { return 0 }
        let common = Int(Swift.min(lhs.pathLength, rhs.pathLength))
        let order = memcmp(base + lhs.start, base + rhs.start, common)
        if order != 0 { return Int(order) }
        return Int(lhs.pathLength) - Int(rhs.pathLength)
    }

    /// Path-byte order of two records of two lists (their bytes `lhsBytes` and `rhsBytes`).
    static func compare(
        _ lhsBytes: UnsafeBufferPointer<UInt8>, _ lhs: Record, _ rhsBytes: UnsafeBufferPointer<UInt8>, _ rhs: Record
    ) -> Int {
        let common = Int(Swift.min(lhs.pathLength, rhs.pathLength))
        if common > 0, let left = lhsBytes.baseAddress, let right = rhsBytes.baseAddress {
            let order = memcmp(left + lhs.start, right + rhs.start, common)
            if order != 0 { return Int(order) }
        }
        return Int(lhs.pathLength) - Int(rhs.pathLength)
    }

    /// Calls `body` with the bytes and records, for loops that must not copy either.
    func withStorage<T>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Record>) throws -> T) rethrows -> T {
        try withExtendedLifetime(arena) { try records.withUnsafeBufferPointer { try body(arena.buffer, $0) } }
    }

    /// Calls `body` with mutable bytes (to write digests in place, from several threads at disjoint offsets) and
    /// the records.
    mutating func withMutableBytes<T>(
        _ body: (UnsafeMutableBufferPointer<UInt8>, UnsafeBufferPointer<Record>) throws -> T
    ) rethrows -> T {
        makeUnique()
        return try withExtendedLifetime(arena) {
            try records.withUnsafeBufferPointer { try body(arena.mutableBuffer, $0) }
        }
    }
}
