/// A streaming RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
///
/// Works on bytes, so each field can be decoded in the file's own encoding; reads 64 KiB at a time and
/// reuses its buffers, so memory stays flat however long the file. Blank lines are skipped. CRLF and LF
/// line ends are both accepted.
public struct CSVReader {
    private let source: ByteSource
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted = false
    private var line = 1

    /// The name errors use for the input.
    public var file: String { source.file }

    /// Reads a file.
    public init(path: String) throws(RegistryError) {
        source = try ByteSource(path: path)
    }

    /// Reads bytes held in memory; `file` names them in errors.
    public init(bytes: [UInt8], file: String) {
        source = ByteSource(bytes: bytes, file: file)
    }

    /// The next record, or `nil` at the end of the input.
    public mutating func next() throws(RegistryError) -> CSVRecord? {
        while true {
            guard let record = try nextRecord() else { return nil }
            if !record.isBlank { return record }
        }
    }

    private mutating func nextRecord() throws(RegistryError) -> CSVRecord? {
        guard try peek() != nil else { return nil }
        var record = CSVRecord(line: line)
        var fieldStart = 0
        var quoted = false
        while let byte = try take() {
            if quoted {
                if byte == quote {
                    if try peek() == quote {
                        position += 1
                        record.storage.append(quote)
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == newline { line += 1 }
                    record.storage.append(byte)
                }
                continue
            }
            switch byte {
            case comma:
                record.ranges.append(fieldStart..<record.storage.count)
                fieldStart = record.storage.count
            case newline, carriageReturn:
                if byte == carriageReturn, try peek() == newline { position += 1 }
                line += 1
                record.ranges.append(fieldStart..<record.storage.count)
                return record
            case quote where record.storage.count == fieldStart:
                quoted = true
            default:
                record.storage.append(byte)
            }
        }
        if quoted {
            throw RegistryError.malformedCSV(
                file: source.file, at: .line(record.line), reason: "a quoted field is never closed")
        }
        record.ranges.append(fieldStart..<record.storage.count)
        return record
    }

    private mutating func peek() throws(RegistryError) -> UInt8? {
        if position < buffer.count { return buffer[position] }
        guard try refill() else { return nil }
        return buffer[position]
    }

    private mutating func take() throws(RegistryError) -> UInt8? {
        guard let byte = try peek() else { return nil }
        position += 1
        return byte
    }

    /// Drops consumed bytes and reads the next chunk; `false` at the end of the input.
    private mutating func refill() throws(RegistryError) -> Bool {
        guard !exhausted else { return false }
        buffer.removeFirst(position)
        position = 0
        while buffer.isEmpty {
            guard try source.fill(&buffer) else {
                exhausted = true
                return false
            }
        }
        return true
    }
}

private let quote = UInt8(ascii: "\"")
private let comma = UInt8(ascii: ",")
private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
