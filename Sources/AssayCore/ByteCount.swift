/// A number of bytes as users write it: `500000`, `64K`, `256M`, `16G`, `16T` (or `16TiB`, `16tb`…).
///
/// Units are binary (K = 1,024 bytes, T = 1,024⁴), as the limits they set are compared with what the disk holds. The
/// one parser behind every option that takes a size.
public struct ByteCount: Hashable, Sendable, CustomStringConvertible {
    /// The number of bytes.
    public let bytes: UInt64
    /// The text as the user wrote it, for messages.
    public let text: String

    /// Parses a whole number followed by nothing (bytes) or `K`, `M`, `G`, `T`, `P`, optionally followed by `iB` or
    /// `B` (case-insensitive, no space between).
    public init(parsing text: String) throws(ValueError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix(while: \.isASCIIDigit)
        var unit = Substring(trimmed.dropFirst(digits.count))
        if unit.hasSuffix("ib") { unit = unit.dropLast(2) } else if unit.hasSuffix("b") { unit = unit.dropLast() }
        let shifts: [Substring: UInt64] = ["": 0, "k": 10, "m": 20, "g": 30, "t": 40, "p": 50]
        guard !digits.isEmpty, digits.count <= 19, let count = UInt64(digits), let shift = shifts[unit],
            count <= UInt64.max >> shift
        else {
            throw ValueError.invalidSize(text)
        }
        self.bytes = count << shift
        self.text = text
    }

    public var description: String { text }
}
