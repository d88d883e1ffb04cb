/// The output of a digest algorithm: raw bytes, shown and stored as lowercase hexadecimal.
public struct Digest: Hashable, Sendable, CustomStringConvertible {
    /// The algorithm that produced these bytes.
    public let algorithm: DigestAlgorithm
    /// The digest's raw bytes.
    public let bytes: [UInt8]

    /// Wraps raw digest bytes.
    public init(algorithm: DigestAlgorithm, bytes: [UInt8]) {
        self.algorithm = algorithm
        self.bytes = bytes
    }

    /// Parses a hexadecimal digest (either case); `nil` when it is not hex of the algorithm's length.
    public init?(algorithm: DigestAlgorithm, hex: some StringProtocol) {
        guard let bytes = Hex.decode(hex), bytes.count == algorithm.outputByteCount else { return nil }
        self.init(algorithm: algorithm, bytes: bytes)
    }

    /// Lowercase hexadecimal.
    public var hex: String { Hex.encode(bytes) }

    public var description: String { hex }
}

/// Lowercase hexadecimal encoding and decoding.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Encodes bytes as lowercase hexadecimal.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes hexadecimal of either case; `nil` on an odd length or a non-hex character.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = value(utf8[index]), let low = value(utf8[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    private static func value(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
