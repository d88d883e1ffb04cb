/// A parameter of a statement, bound to its `$n` placeholder: never spliced into the SQL text.
public enum PostgresValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByNilLiteral {
    /// SQL NULL.
    case null
    /// A value in PostgreSQL's text input form (`'42'` for an integer column works as for a text one).
    case text(String)
    /// Bytes for a `bytea` parameter, sent in binary.
    case bytes([UInt8])

    public init(stringLiteral value: String) { self = .text(value) }

    public init(nilLiteral: ()) { self = .null }

    /// A text value, or NULL for `nil`.
    public init(_ text: String?) { self = text.map(PostgresValue.text) ?? .null }

    /// An integer in text form.
    public init(_ integer: Int64) { self = .text(String(integer)) }
}
