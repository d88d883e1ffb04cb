/// A streaming RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
///
/// Works on bytes, so each field can be decoded in the file's own encoding; reads 64 KiB at a time and
/// reuses its buffer, so memory stays flat however long the file. Blank lines are skipped. CRLF, LF and
/// lone CR line ends are accepted. A quote inside an unquoted field is kept as an ordinary character.
public struct CSVReader {
    private let source: ByteSource
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted = false
    private var line = 1
    /// A record ended on CR; an LF that follows belongs to the same line end.
    private var skipLineFeed = false

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

    /// How many lines the file at `path` has, counted as records count them (an LF, a CRLF or a lone CR ends one;
    /// a last line without an end counts): the total to report progress against.
    public static func lineCount(path: String) throws(RegistryError) -> Int {
        let source = try ByteSource(path: path)
        var buffer: [UInt8] = []
        var lines = 0
        var last: UInt8 = newline
        while try source.fill(&buffer) {
            for byte in buffer {
                if byte == newline ? last != carriageReturn : byte == carriageReturn { lines += 1 }
                last = byte
            }
            buffer.removeAll(keepingCapacity: true)
        }
        return last == newline || last == carriageReturn ? lines : lines + 1
    }

    /// The next record, or `nil` at the end of the input.
    public mutating func next() throws(RegistryError) -> CSVRecord? {
        while true {
            guard let record = try nextRecord() else { return nil }
            if !record.isBlank { return record }
        }
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private mutating func nextRecord() throws(RegistryError) -> CSVRecord? {
        if position == buffer.count, try !refill() { return nil }
        var record = CSVRecord(line: line)
        var state = State.fieldStart
        var fieldStart = 0
        while true {
            if position == buffer.count, try !refill() { break }
            let chunk = buffer
            var finished = false
            chunk.withUnsafeBufferPointer { bytes in
                var index = position
                defer { position = index }
                while index < bytes.count {
                    if skipLineFeed {
                        skipLineFeed = false
                        if bytes[index] == newline {
                            index += 1
                            continue
                        }
                    }
                    if state == .quoted {
                        // Copy the run up to the next quote in one go, counting the line breaks inside it.
                        let run = index
                        while index < bytes.count, bytes[index] != quote {
                            if bytes[index] == newline { line += 1 }
                            index += 1
                        }
                        record.storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                        if index < bytes.count {
                            index += 1
                            state = .quoteInQuoted
                        }
                        continue
                    }
                    let byte = bytes[index]
                    index += 1
                    if state == .quoteInQuoted {
                        state = .unquoted
                        if byte == quote {
                            record.storage.append(quote)
                            state = .quoted
                            continue
                        }
                    }
                    switch byte {
                    case comma:
                        record.ranges.append(fieldStart..<record.storage.count)
                        fieldStart = record.storage.count
                        state = .fieldStart
                    case newline, carriageReturn:
                        skipLineFeed = byte == carriageReturn
                        line += 1
                        finished = true
                        return
                    case quote where state == .fieldStart:
                        state = .quoted
                    default:
                        let run = index - 1
                        while index < bytes.count, !isDelimiter(bytes[index]) { index += 1 }
                        record.storage.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                        state = .unquoted
                    }
                }
            }
            if finished { break }
        }
        if state == .quoted {
            throw RegistryError.malformedCSV(
                file: source.file, at: .line(record.line), reason: "a quoted field is never closed")
        }
        record.ranges.append(fieldStart..<record.storage.count)
        return record
    }

    /// Reads the next chunk in place of the consumed one; `false` at the end of the input.
    private mutating func refill() throws(RegistryError) -> Bool {
        guard !exhausted else { return false }
        buffer.removeAll(keepingCapacity: true)
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

/// Whether `byte` ends an unquoted run: a comma or a line break.
private func isDelimiter(_ byte: UInt8) -> Bool { byte == comma || byte == newline || byte == carriageReturn }
