/// A legal or registry identifier of a vendor, written `KIND=VALUE` (`lei=5493…`, `duns=123456789`).
///
/// LEIs are checked with their ISO 17442 check digits; other kinds are kept as given.
public struct LegalIdentifier: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The identifier scheme, lower case (`lei`, `duns`, `vat`, `uscc`, …).
    public let kind: String
    /// The identifier.
    public let value: String

    /// Creates an identifier, validating LEIs.
    public init(kind: String, value: String) throws(ValueError) {
        let kind = kind.trimmingCharacters(in: .whitespaces).lowercased()
        let value = value.trimmingCharacters(in: .whitespaces)
        guard !kind.isEmpty, !value.isEmpty else { throw ValueError.invalidIdentifier("\(kind)=\(value)") }
        self.kind = kind
        self.value = kind == "lei" ? try LEI(value).value : value
    }

    /// Parses `KIND=VALUE`.
    public init(parsing text: String) throws(ValueError) {
        guard let equals = text.firstIndex(of: "=") else { throw ValueError.invalidIdentifier(text) }
        try self.init(kind: String(text[..<equals]), value: String(text[text.index(after: equals)...]))
    }

    public var description: String { "\(kind)=\(value)" }
}
