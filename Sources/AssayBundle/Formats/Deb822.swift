/// A Debian control file in deb822 form (deb822(5)): paragraphs of `Field: value` lines separated by blank lines, a
/// line starting with a space or tab continuing the field above, optionally OpenPGP clear-signed (RFC 4880 §7).
///
/// Read by the `.dsc` manifest reader and by the provenance module's `.buildinfo` reader. In a clear-signed file
/// only the signed text counts (dash-escaping undone) and anything outside it but blank lines is refused, since an
/// unsigned field appended after the signature would otherwise be believed. The signature is not verified here.
public struct Deb822: Sendable {
    /// One field: its name as written, the line it starts on, the text after the colon and its continuation lines.
    public struct Field: Sendable {
        /// The field name as written (deb822 names compare case-insensitively).
        public let name: String
        /// The 1-based line number of the field in the file.
        public let line: Int
        /// The text after the colon on the field's first line, without surrounding blanks.
        public let value: String
        /// The continuation lines, leading blanks removed, each with its line number.
        public let continuation: [Line]
    }

    /// A numbered line of text.
    public struct Line: Sendable {
        /// The 1-based line number in the file.
        public let number: Int
        /// The text without leading and trailing blanks.
        public let text: String
    }

    /// The paragraphs in file order, each with its fields in order.
    public let paragraphs: [[Field]]
    /// Whether the text was OpenPGP clear-signed.
    public let clearSigned: Bool
    /// The clear-signature's armour headers (`Hash: SHA512`), empty when unsigned.
    public let armourHeaders: [String]

    /// Parses deb822 text; `file` names the source in errors (``BundleError/malformedManifest(file:line:reason:)``).
    public init(_ bytes: [UInt8], file: String) throws(BundleError) {
        let text = try Self.signedText(bytes, file: file)
        clearSigned = text.signed
        armourHeaders = text.headers
        var paragraphs: [[Field]] = []
        var current: [Field] = []
        var previous = 0
        for (number, bytes) in text.lines {
            guard let line = String(validating: bytes, as: UTF8.self) else {
                throw BundleError.malformedManifest(file: file, line: number, reason: "not UTF-8")
            }
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
            if blank || number > previous + 1, !current.isEmpty {
                paragraphs.append(current)
                current = []
            }
            previous = number
            if blank || line.first == "#" { continue }
            if line.first == " " || line.first == "\t" {
                guard let field = current.popLast() else {
                    throw BundleError.malformedManifest(
                        file: file, line: number, reason: "continuation line outside a field")
                }
                let more = Line(number: number, text: Self.trimmed(Substring(line)))
                current.append(Field(
                    name: field.name, line: field.line, value: field.value, continuation: field.continuation + [more]))
                continue
            }
            guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else {
                throw BundleError.malformedManifest(file: file, line: number, reason: "expected 'Field: value'")
            }
            let name = String(line[..<colon])
            if current.contains(where: { $0.name.lowercased() == name.lowercased() }) {
                throw BundleError.malformedManifest(file: file, line: number, reason: "field \(name) repeated")
            }
            let value = Self.trimmed(line[line.index(after: colon)...])
            current.append(Field(name: name, line: number, value: value, continuation: []))
        }
        if !current.isEmpty { paragraphs.append(current) }
        self.paragraphs = paragraphs
    }

    /// The first paragraph's field of that name (compared case-insensitively), or `nil`.
    public func field(_ name: String) -> Field? {
        paragraphs.first?.first { $0.name.lowercased() == name.lowercased() }
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

extension Deb822 {
    private static let beginSigned = Array("-----BEGIN PGP SIGNED MESSAGE-----".utf8)
    private static let beginSignature = Array("-----BEGIN PGP SIGNATURE-----".utf8)
    private static let endSignature = Array("-----END PGP SIGNATURE-----".utf8)

    /// The lines that count, with their numbers in the file (blank lines dropped): all of them in a plain file; in a
    /// clear-signed file, the signed text with dash-escaping undone, after refusing anything but blank lines outside
    /// it. Also whether the text was signed and its armour headers.
    static func signedText(_ bytes: [UInt8], file: String) throws(BundleError) -> (
        lines: [(number: Int, bytes: [UInt8])], signed: Bool, headers: [String]
    ) {
        let lines = ListingBuilder.lines(bytes)
        guard let begin = lines.firstIndex(where: { trimmedBytes($0.bytes) == beginSigned }) else {
            return (lines, false, [])
        }
        func outside(_ index: Int) -> BundleError {
            .malformedManifest(file: file, line: lines[index].number, reason: "text outside the OpenPGP signed message")
        }
        if begin > 0 { throw outside(0) }
        // Armour headers ("Hash: SHA256") run to the first blank line, which ListingBuilder.lines has dropped.
        var index = begin + 1
        var headers: [String] = []
        while index < lines.count, lines[index].number == lines[index - 1].number + 1,
            lines[index].bytes.contains(UInt8(ascii: ":"))
        {
            headers.append(String(decoding: lines[index].bytes, as: UTF8.self))
            index += 1
        }
        var signed: [(number: Int, bytes: [UInt8])] = []
        while index < lines.count, trimmedBytes(lines[index].bytes) != beginSignature {
            let line = lines[index].bytes
            signed.append((lines[index].number, line.starts(with: Array("- ".utf8)) ? Array(line.dropFirst(2)) : line))
            index += 1
        }
        guard let end = lines[index...].firstIndex(where: { trimmedBytes($0.bytes) == endSignature }) else {
            throw BundleError.malformedManifest(
                file: file, line: lines.last?.number ?? 1, reason: "OpenPGP signature block is not closed")
        }
        if end + 1 < lines.count { throw outside(end + 1) }
        return (signed, true, headers)
    }

    private static func trimmedBytes(_ line: [UInt8]) -> [UInt8] {
        Array(line.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.reversed())
    }
}
