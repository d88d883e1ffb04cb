/// The character encodings registry CSV files come in, decoded per field.
public enum TextEncoding: String, Sendable {
    /// UTF-8, as Assay's own files and the FCC list use.
    case utf8 = "UTF-8"
    /// Windows-1252, as the Common Criteria portal publishes its CSV files.
    case windows1252 = "Windows-1252"

    /// Decodes one field.
    ///
    /// Non-ASCII text that is valid UTF-8 is refused as Windows-1252: real Windows-1252 text almost never
    /// forms UTF-8 sequences, so such a file was converted and would otherwise be silently garbled.
    ///
    /// - Throws: ``Mismatch`` when the bytes are not valid in this encoding.
    func decode(_ bytes: ArraySlice<UInt8>) throws(Mismatch) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        switch self {
        case .utf8:
            guard let text = String(validating: bytes, as: UTF8.self) else { throw Mismatch(found: nil) }
            return text
        case .windows1252:
            if String(validating: bytes, as: UTF8.self) != nil { throw Mismatch(found: TextEncoding.utf8.rawValue) }
            var utf8: [UInt8] = []
            utf8.reserveCapacity(bytes.count + 8)
            for byte in bytes {
                guard byte >= 0x80 else {
                    utf8.append(byte)
                    continue
                }
                guard let scalar = Self.windows1252Scalar(byte) else { throw Mismatch(found: nil) }
                utf8.append(contentsOf: String(Character(scalar)).utf8)
            }
            return String(decoding: utf8, as: UTF8.self)
        }
    }

    /// Bytes that are not text in the expected encoding; `found` names the encoding they appear to be in.
    struct Mismatch: Error {
        let found: String?
    }

    /// Windows-1252 agrees with Latin-1 except in 0x80–0x9F, where five bytes are undefined.
    private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let value = high[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    private static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
        0x0178,
    ]
}
