import AssayCrypto

/// The bundle digest: one digest over the canonical entry list, independent of how the bundle arrived.
///
/// The hashed text starts with the line `assay-bundle-v1 <algorithm>` (a domain separator), then one line per entry
/// in path-byte order: `<type> <x|-> <size> <digest-hex|-> <n>:<path bytes> <m>:<target bytes>`, where `x` marks the
/// executable bit and `n`, `m` are byte lengths, so no name can forge a line break. Owners, times and other mode bits
/// are left out: only the executable bit survives tar → zip → checkout.
enum BundleDigest {
    static func compute(_ sortedEntries: [BundleEntry], algorithm: DigestAlgorithm) throws(BundleError) -> Digest {
        do {
            let hasher = try Hasher(algorithm)
            hasher.update(Array("assay-bundle-v1 \(algorithm.rawValue)\n".utf8))
            for entry in sortedEntries {
                hasher.update(canonicalLine(entry))
            }
            return try hasher.finalize()
        } catch {
            throw .crypto(error)
        }
    }

    static func canonicalLine(_ entry: BundleEntry) -> [UInt8] {
        let target = entry.linkTarget?.bytes ?? []
        var line = Array(entry.type.rawValue.utf8)
        line += Array(" \(entry.executable == true ? "x" : "-") \(entry.size ?? 0) \(entry.digest?.hex ?? "-") ".utf8)
        line += Array("\(entry.path.bytes.count):".utf8) + entry.path.bytes
        line += Array(" \(target.count):".utf8) + target
        line.append(UInt8(ascii: "\n"))
        return line
    }
}
