/// The text of an RFC 2253 distinguished name, as ``Certificate/subject`` and ``Certificate/issuer`` give it
/// (`CN=www.example.com,O=Example\, Inc.,C=US`): its attribute-value pairs and the value of one attribute.
public struct DistinguishedName: Sendable, Equatable {
    /// The attribute-value pairs in the order written (`CN=www.example.com`), escapes removed; the pairs of a
    /// multi-valued RDN (joined by `+`) each stand on their own.
    public let components: [String]

    /// Splits `text` at the commas and plus signs that separate pairs, keeping escaped ones (`\,`) in the value.
    public init(_ text: String) {
        var components: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," || character == "+" {
                components.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        components.append(current)
        self.components = components
    }

    /// The value of the first pair of attribute type `type` (`O` for the organisation), `nil` when there is none.
    public func first(_ type: String) -> String? {
        components.first { $0.hasPrefix(type + "=") }.map { String($0.dropFirst(type.count + 1)) }
    }

    /// The first organisation (`O=`) named, such as the vendor a certificate's subject belongs to.
    public var organization: String? { first("O") }
}
