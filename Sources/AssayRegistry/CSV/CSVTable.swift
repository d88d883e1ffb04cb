import Foundation

/// A CSV file with a header row: checks the columns a format needs and hands out rows whose fields are
/// looked up by column name and decoded in the file's encoding.
///
/// A UTF-8 byte-order mark switches decoding to UTF-8 whatever encoding was asked for; a header with NUL
/// bytes (UTF-16 or binary data) is refused as the wrong encoding.
public struct CSVTable {
    private var reader: CSVReader
    private let header: CSVHeader

    /// The column names in file order.
    public var columns: [String] { header.names }
    /// The encoding fields are decoded in.
    public var encoding: TextEncoding { header.encoding }

    /// Reads the header and checks that every `required` column is present.
    public init(reader: CSVReader, encoding: TextEncoding, required: [String]) throws(RegistryError) {
        var reader = reader
        guard var first = try reader.next() else { throw RegistryError.empty(file: reader.file) }
        var encoding = encoding
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        if first.storage.starts(with: byteOrderMark) {
            encoding = .utf8
            first.storage.removeFirst(3)
            first.ranges = first.ranges.map { max(0, $0.lowerBound - 3)..<($0.upperBound - 3) }
        }
        let isUTF16 = first.storage.starts(with: [0xFF, 0xFE]) || first.storage.starts(with: [0xFE, 0xFF])
        if isUTF16 || first.storage.contains(0) {
            throw RegistryError.wrongEncoding(
                file: reader.file, at: .line(1), expected: encoding.rawValue, found: isUTF16 ? "UTF-16" : nil)
        }
        var names: [String] = []
        for index in 0..<first.count {
            do {
                names.append(String(try encoding.decode(first[index]).trimmingASCIISpaces))
            } catch {
                throw RegistryError.wrongEncoding(
                    file: reader.file, at: .line(1), expected: encoding.rawValue, found: error.found)
            }
        }
        let missing = required.filter { !names.contains($0) }
        guard missing.isEmpty else { throw RegistryError.missingColumns(file: reader.file, columns: missing) }
        self.reader = reader
        header = CSVHeader(file: reader.file, names: names, encoding: encoding)
    }

    /// The next data row, or `nil` at the end.
    ///
    /// - Throws: ``RegistryError/malformedCSV(file:at:reason:)`` when a row has a different number of fields
    ///   from the header.
    public mutating func next() throws(RegistryError) -> CSVRow? {
        guard let record = try reader.next() else { return nil }
        guard record.count == header.names.count else {
            throw RegistryError.malformedCSV(
                file: header.file, at: .line(record.line),
                reason: "\(record.count) fields where the header has \(header.names.count)")
        }
        return CSVRow(record: record, header: header)
    }
}

/// Column positions and decoding shared by the rows of one table.
final class CSVHeader: Sendable {
    let file: String
    let names: [String]
    let encoding: TextEncoding
    let positions: [String: Int]

    init(file: String, names: [String], encoding: TextEncoding) {
        self.file = file
        self.names = names
        self.encoding = encoding
        positions = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
