import Foundation

/// A BagIt tag file of `Label: Value` lines (RFC 8493 §2.2.2): `bagit.txt`, `bag-info.txt`. A line starting with a
/// space or tab continues the previous value.
struct TagFile {
    /// The file's path, for messages.
    let file: String
    /// The fields in file order, with the line each starts on.
    let fields: [(label: String, value: String, line: Int)]

    /// Reads a tag file; `nil` when there is no file at `path`.
    static func read(_ path: String) throws(BundleError) -> TagFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BundleError.unreadable(path: path, reason: "permission denied or not a regular file")
        }
        return try TagFile(file: path, bytes: Array(data))
    }

    init(file: String, bytes: [UInt8]) throws(BundleError) {
        self.file = file
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw BundleError.malformedManifest(
                file: file, line: 1, reason: "byte-order mark (BagIt tag files have none)")
        }
        var fields: [(label: String, value: String, line: Int)] = []
        for (number, line) in ListingBuilder.lines(bytes) {
            guard let text = String(validating: line, as: UTF8.self) else {
                throw BundleError.malformedManifest(file: file, line: number, reason: "not UTF-8")
            }
            if text.first == " " || text.first == "\t" {
                guard let last = fields.popLast() else {
                    throw BundleError.malformedManifest(file: file, line: number, reason: "continuation line first")
                }
                fields.append((last.label, last.value + " " + text.trimmingCharacters(in: .whitespaces), last.line))
                continue
            }
            guard let colon = text.firstIndex(of: ":") else {
                throw BundleError.malformedManifest(file: file, line: number, reason: "expected 'Label: value'")
            }
            let label = text[..<colon].trimmingCharacters(in: .whitespaces)
            fields.append((label, text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces), number))
        }
        self.fields = fields
    }

    /// The values of a label (compared case-insensitively), with their lines.
    func values(_ label: String) -> [(value: String, line: Int)] {
        fields.filter { $0.label.lowercased() == label.lowercased() }.map { ($0.value, $0.line) }
    }
}
