import AssayCrypto

/// A pack's `MANIFEST`: each file's SHA-256 in `sha256sum` format, `HEX  NAME` a line, sorted by name.
public struct PackManifest: Sendable, Equatable {
    /// SHA-256 hex by file name.
    public var digests: [String: String]

    /// The manifest of these files.
    public init(files: [(name: String, bytes: [UInt8])]) throws(CryptoError) {
        var digests: [String: String] = [:]
        for file in files { digests[file.name] = try DigestContext.digest(file.bytes).hex }
        self.digests = digests
    }

    /// Reads a manifest; also returns the numbers (from 1) of the lines that are not `HEX  NAME`.
    public static func parse(_ bytes: [UInt8]) -> (manifest: PackManifest, malformedLines: [Int]) {
        var digests: [String: String] = [:]
        var malformed: [Int] = []
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if line.isEmpty && index == lines.count - 1 { continue }
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 64, parts[0].allSatisfy(\.isHexDigit), parts[1].hasPrefix(" "),
                parts[1].count > 1
            else {
                malformed.append(index + 1)
                continue
            }
            digests[String(parts[1].dropFirst())] = parts[0].lowercased()
        }
        return (PackManifest(digests: digests), malformed)
    }

    private init(digests: [String: String]) { self.digests = digests }

    /// The manifest's text.
    public var text: String {
        digests.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "\(digests[$0] ?? "")  \($0)\n" }
            .joined()
    }
}
