import Foundation

/// Flags paths that are distinct as bytes but equal under Unicode canonical equivalence (NFC vs NFD) or case folding.
///
/// They stay two entries: the check only warns, because extracting such a bundle on macOS or Windows merges them.
/// Paths are first bucketed by a 64-bit hash of a normal form (the bytes themselves for ASCII paths, NFC otherwise;
/// lowercased for case), so memory stays at 8 bytes per entry; only paths whose hashes collide become `String`s and
/// are compared as before, with `String` equality (canonical equivalence).
enum NameVariants {
    static func findings(_ entries: EntryList) -> [BundleFinding] {
        let unicodeGroups = candidates(entries, folding: false).flatMap { texts in
            Dictionary(grouping: texts, by: { $0.1 }).values.filter { $0.count > 1 }
        }
        let caseGroups = candidates(entries, folding: true).flatMap { texts in
            Dictionary(grouping: texts, by: { $0.1.lowercased() }).values.filter { group in
                group.count > 1 && Set(group.map(\.1)).count > 1
            }
        }
        return unicodeGroups.map { finding(.unicodeVariant, $0.map(\.0), "names equal under Unicode normalisation") }
            .sorted { $0.path ?? "" < $1.path ?? "" }
            + caseGroups.map { finding(.caseVariant, $0.map(\.0), "names that differ only by case") }
            .sorted { $0.path ?? "" < $1.path ?? "" }
    }

    /// One 64-bit key per UTF-8 path, its hash (32 bits, of the NFC form, lowercased when `folding`) above its
    /// position: 8 bytes per entry.
    private static func keys(_ entries: EntryList, folding: Bool) -> [UInt64] {
        var keys: [UInt64] = []
        keys.reserveCapacity(entries.count)
        var lowered: [UInt8] = []
        for index in entries.indices {
            let bytes = entries.pathBytes(index)
            let hash: Int
            if bytes.allSatisfy({ $0 < 0x80 }) {
                if folding {
                    lowered.removeAll(keepingCapacity: true)
                    lowered.append(contentsOf: bytes.lazy.map(asciiLowercase))
                    hash = hashValue(lowered)
                } else {
                    hash = hashValue(UnsafeBufferPointer(rebasing: bytes))
                }
            } else if let text = String(validating: bytes, as: UTF8.self) {
                let form = (folding ? text.lowercased() : text).precomposedStringWithCanonicalMapping
                hash = hashValue(Array(form.utf8))
            } else {
                continue
            }
            keys.append(UInt64(UInt32(truncatingIfNeeded: hash)) << 32 | UInt64(index))
        }
        return keys
    }

    /// The runs of paths whose keys hash alike, as (path, text) pairs: the only paths that can be variants.
    private static func candidates(_ entries: EntryList, folding: Bool) -> [[(EntryPath, String)]] {
        var keys = keys(entries, folding: folding)
        keys.sort()
        var groups: [[(EntryPath, String)]] = []
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count && keys[end] >> 32 == keys[start] >> 32 { end += 1 }
            if end - start > 1 {
                groups.append(
                    keys[start..<end].compactMap { key in
                        let path = entries.path(Int(key & 0xffff_ffff))
                        return path.utf8String.map { (path, $0) }
                    })
            }
            start = end
        }
        return groups
    }

    /// The same bytes always hash alike within a process, whatever array or slice holds them.
    private static func hashValue<Bytes: ContiguousBytes>(_ bytes: Bytes) -> Int {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func finding(_ kind: BundleFinding.Kind, _ group: [EntryPath], _ what: String) -> BundleFinding {
        let sorted = group.sorted()
        let list = sorted.map { "'\($0)'" }.joined(separator: ", ")
        return BundleFinding(kind, .warning, path: sorted.first, "\(what): \(list)")
    }
}
