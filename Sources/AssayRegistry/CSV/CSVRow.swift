import AssayCore
/// One data row of a ``CSVTable``, with fields looked up by column name.
public struct CSVRow: Sendable {
    let record: CSVRecord
    let header: CSVHeader

    /// The 1-based line the row starts on.
    public var line: Int { record.line }

    /// The field in `column`, decoded, without leading and trailing ASCII white space; `""` when the table
    /// has no such column.
    public func string(_ column: String) throws(RegistryError) -> String {
        guard let index = header.positions[column] else { return "" }
        var bytes = record[index]
        while let first = bytes.first, first.isASCIIWhitespace { bytes.removeFirst() }
        while let last = bytes.last, last.isASCIIWhitespace { bytes.removeLast() }
        do {
            return try header.encoding.decode(bytes)
        } catch {
            throw RegistryError.wrongEncoding(
                file: header.file, at: .line(line), expected: header.encoding.rawValue, found: error.found)
        }
    }

    /// The field in `column`, or `nil` when it is empty.
    public func optional(_ column: String) throws(RegistryError) -> String? {
        let text = try string(column)
        return text.isEmpty ? nil : text
    }

    /// The field in `column`, which must not be empty.
    public func required(_ column: String) throws(RegistryError) -> String {
        guard let text = try optional(column) else { throw invalid(column, "is empty") }
        return text
    }

    /// The date in `column`, parsed by `parse`; `format` names the expected form in the error.
    public func date(
        _ column: String,
        format: String,
        _ parse: (String) -> CalendarDate?
    ) throws(RegistryError) -> CalendarDate {
        guard let date = try optionalDate(column, format: format, parse) else { throw invalid(column, "is empty") }
        return date
    }

    /// Like ``date(_:format:_:)`` but `nil` for an empty field.
    public func optionalDate(
        _ column: String,
        format: String,
        _ parse: (String) -> CalendarDate?
    ) throws(RegistryError) -> CalendarDate? {
        guard let text = try optional(column) else { return nil }
        guard let date = parse(text) else { throw invalid(column, "'\(text)' is not a date (\(format))") }
        return date
    }

    /// An error about `column` on this row.
    public func invalid(_ column: String, _ reason: String) -> RegistryError {
        RegistryError.invalidField(file: header.file, at: .line(line), field: column, reason: reason)
    }
}

extension UInt8 {
    /// Space, tab, CR or LF.
    var isASCIIWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
