/// One CSV record: its fields as raw bytes (quotes already removed) and the line it starts on.
public struct CSVRecord: Sendable {
    /// The 1-based line number where the record starts.
    public let line: Int
    var storage: [UInt8] = []
    var ranges: [Range<Int>] = []

    init(line: Int) { self.line = line }

    /// The number of fields.
    public var count: Int { ranges.count }

    /// The raw bytes of field `index`.
    public subscript(index: Int) -> ArraySlice<UInt8> { storage[ranges[index]] }

    /// Whether the record is a blank line.
    var isBlank: Bool { ranges.count == 1 && ranges[0].isEmpty }
}
