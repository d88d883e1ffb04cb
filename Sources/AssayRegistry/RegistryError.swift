/// Errors raised while reading registry files, each with a stable code and a one-line message that names
/// the file and, where there is one, the line or record and the field.
public enum RegistryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where in a file a problem is: a line of a CSV file or the 1-based index of a JSON record.
    public enum Location: Equatable, Sendable, CustomStringConvertible {
        case line(Int)
        case record(Int)

        public var description: String {
            switch self {
            case .line(let line): "line \(line)"
            case .record(let record): "record \(record)"
            }
        }
    }

    /// The file could not be read.
    case io(file: String, reason: String)
    /// The file is empty or holds only a header.
    case empty(file: String)
    /// The bytes are not in the encoding the format prescribes; `found` names the one they appear to be in.
    case wrongEncoding(file: String, at: Location, expected: String, found: String?)
    /// The CSV structure is broken (unterminated quote, wrong number of fields).
    case malformedCSV(file: String, at: Location, reason: String)
    /// The CSV header lacks columns the format requires.
    case missingColumns(file: String, columns: [String])
    /// The CSV header has columns the format does not define (a misspelt column would otherwise be lost).
    case unknownColumns(file: String, columns: [String])
    /// A field holds a value that does not parse or is not allowed.
    case invalidField(file: String, at: Location, field: String, reason: String)
    /// A JSON file is not JSON or not of the expected shape.
    case wrongShape(file: String, reason: String)

    /// A stable identifier for scripts and tests.
    public var code: String {
        switch self {
        case .io: "registry.io"
        case .empty: "registry.empty"
        case .wrongEncoding: "registry.encoding"
        case .malformedCSV: "registry.csv"
        case .missingColumns: "registry.missing-columns"
        case .unknownColumns: "registry.unknown-columns"
        case .invalidField: "registry.invalid-field"
        case .wrongShape: "registry.json-shape"
        }
    }

    public var description: String {
        switch self {
        case .io(let file, let reason): "\(file): \(reason)"
        case .empty(let file): "\(file): no rows"
        case .wrongEncoding(let file, let location, let expected, let found):
            "\(file): \(location): \(found.map { "\($0) text where \(expected) is expected" } ?? "not valid \(expected) text")"
        case .malformedCSV(let file, let location, let reason): "\(file): \(location): malformed CSV: \(reason)"
        case .missingColumns(let file, let columns):
            "\(file): missing column\(columns.count == 1 ? "" : "s") \(columns.map { "'\($0)'" }.joined(separator: ", "))"
        case .unknownColumns(let file, let columns):
            "\(file): unknown column\(columns.count == 1 ? "" : "s") \(columns.map { "'\($0)'" }.joined(separator: ", "))"
        case .invalidField(let file, let location, let field, let reason): "\(file): \(location): \(field): \(reason)"
        case .wrongShape(let file, let reason): "\(file): unexpected JSON: \(reason)"
        }
    }
}
