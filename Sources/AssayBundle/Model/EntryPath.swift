import AssayCrypto

/// A relative, `/`-separated path kept as its exact bytes.
///
/// Equality, hashing and ordering are by bytes: `café` written in NFC and in NFD are two different paths, as they
/// are two different files on disk. Never key entries by `String`, whose equality merges canonically equivalent text.
public struct EntryPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The path's raw bytes, without a leading `./` or a trailing `/`.
    public let bytes: [UInt8]

    /// Wraps raw bytes.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// The UTF-8 bytes of a string.
    public init(_ string: String) { self.bytes = Array(string.utf8) }

    /// The path as text when its bytes are valid UTF-8, otherwise `nil`.
    public var utf8String: String? { String(validating: bytes, as: UTF8.self) }

    /// The path for display: the text itself, or with each byte that is not UTF-8 shown as `\xHH`.
    public var description: String {
        if let text = utf8String { return text }
        var out = ""
        var index = 0
        while index < bytes.count {
            let length = EntryPath.validSequenceLength(bytes, at: index)
            if length > 0 {
                out += String(decoding: bytes[index..<index + length], as: UTF8.self)
                index += length
            } else {
                out += "\\x" + Hex.encode([bytes[index]])
                index += 1
            }
        }
        return out
    }

    /// The path's `/`-separated components.
    public var components: [ArraySlice<UInt8>] {
        bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    }

    /// The last component (the file name).
    public var name: ArraySlice<UInt8> { components.last ?? [] }

    /// The path of the containing directory, or `nil` at the top level.
    public var parent: EntryPath? {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        return EntryPath(bytes: Array(bytes[..<slash]))
    }

    /// This path with `child` appended after a `/`.
    public func appending(_ child: some Collection<UInt8>) -> EntryPath {
        EntryPath(bytes: bytes.isEmpty ? Array(child) : bytes + [UInt8(ascii: "/")] + child)
    }

    /// Byte-wise lexicographic order, the order of entries in every manifest.
    public static func < (lhs: EntryPath, rhs: EntryPath) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 when the byte there starts none.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        for length in 1...4 where index + length <= bytes.count {
            if String(validating: bytes[index..<index + length], as: UTF8.self) != nil { return length }
        }
        return 0
    }
}
