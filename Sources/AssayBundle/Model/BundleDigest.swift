import AssayCrypto

/// The bundle digest: one digest over the canonical entry list, independent of how the bundle arrived.
///
/// The hashed text starts with the line `assay-bundle-v1 <algorithm>` (a domain separator), then one line per entry
/// in path-byte order: `<type> <x|-> <size> <digest-hex|-> <n>:<path bytes> <m>:<target bytes>`, where `x` marks the
/// executable bit and `n`, `m` are byte lengths, so no name can forge a line break. Owners, times and other mode bits
/// are left out: only the executable bit survives tar → zip → checkout.
enum BundleDigest {
    static func compute(_ sortedEntries: EntryList, algorithm: DigestAlgorithm) throws(BundleError) -> Digest {
        do {
            let hasher = try DigestContext(algorithm)
            hasher.update(Array("assay-bundle-v1 \(algorithm.rawValue)\n".utf8))
            var text: [UInt8] = []
            text.reserveCapacity(Self.batchBytes + 8192)
            sortedEntries.withStorage { bytes, records in
                for record in records {
                    appendCanonicalLine(record, bytes: bytes, to: &text)
                    if text.count >= Self.batchBytes {
                        hasher.update(text)
                        text.removeAll(keepingCapacity: true)
                    }
                }
            }
            hasher.update(text)
            return try hasher.finalize()
        } catch {
            throw .crypto(error)
        }
    }

    /// Canonical lines are hashed in batches of about this many bytes.
    private static let batchBytes = 64 * 1024

    /// Appends the canonical line of a record (see the type's documentation).
    static func appendCanonicalLine(
        _ record: EntryList.Record, bytes: UnsafeBufferPointer<UInt8>, to text: inout [UInt8]
    ) {
        let flags = record.flags
        text.append(contentsOf: flags.type.rawValue.utf8)
        text.append(contentsOf: flags.contains(.hasExecutable) && flags.contains(.executable) ? " x ".utf8 : " - ".utf8)
        appendDecimal(flags.contains(.hasSize) ? record.size : 0, to: &text)
        text.append(UInt8(ascii: " "))
        let targetEnd = record.pathEnd + Int(record.targetLength)
        if let algorithm = flags.algorithm {
            for byte in bytes[targetEnd..<targetEnd + algorithm.outputByteCount] {
                text.append(hexDigits[Int(byte >> 4)])
                text.append(hexDigits[Int(byte & 0x0f)])
            }
        } else {
            text.append(UInt8(ascii: "-"))
        }
        text.append(UInt8(ascii: " "))
        appendDecimal(UInt64(record.pathLength), to: &text)
        text.append(UInt8(ascii: ":"))
        text.append(contentsOf: bytes[record.start..<record.pathEnd])
        text.append(UInt8(ascii: " "))
        appendDecimal(UInt64(record.targetLength), to: &text)
        text.append(UInt8(ascii: ":"))
        text.append(contentsOf: bytes[record.pathEnd..<targetEnd])
        text.append(UInt8(ascii: "\n"))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends the decimal digits of a number.
    static func appendDecimal(_ value: UInt64, to text: inout [UInt8]) {
        if value < 10 {
            text.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        appendDecimal(value / 10, to: &text)
        text.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

}
