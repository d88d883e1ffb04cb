/// A value written as one string (in JSON and in the database): its `description` is the text form, and
/// ``init(text:)`` parses and validates it, so a bad value in a file is refused with the value's own reason.
public protocol TextCodable: Codable, CustomStringConvertible {
    /// Parses and validates the text form.
    init(text: String) throws(ValueError)
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
