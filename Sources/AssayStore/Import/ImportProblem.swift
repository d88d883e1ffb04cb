/// Why one row (or the whole file) of an import cannot be imported: `file:line:field: reason`.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file as named by the user.
    public var file: String
    /// The 1-based line the row starts on, when the problem is with a row.
    public var line: Int?
    /// The column or key, when the problem is with one field.
    public var field: String?
    public var reason: String

    public init(file: String, line: Int?, field: String?, reason: String) {
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
    }

    public var description: String {
        [file, line.map(String.init), field].compactMap { $0 }.joined(separator: ":") + ": " + reason
    }
}

/// What an import did: rows added as new records, rows that updated a record, and rows already recorded.
public struct ImportSummary: Codable, Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0

    public init() {}
}
