import AssayCore
import AssayRegistry
import Foundation

/// Assay's own file format for market-access events, as CSV (a header row naming the columns) or as JSON (an
/// array of objects with the same keys). `Schemas/events-import.schema.json` describes it; `assay export events`
/// writes it and `assay import events` reads it.
public enum EventFile {
    /// The columns, in the order they are written.
    public static let columns = [
        "vendor", "appliesToAffiliates", "jurisdiction", "authority", "type", "program", "scope", "announcedOn",
        "effectiveFrom", "effectiveTo", "status", "sourceUrl", "sourceRecordId", "notes",
    ]

    /// The columns every row must fill.
    public static let requiredColumns = ["vendor", "type", "jurisdiction", "announcedOn"]

    /// One parsed row and the line it starts on.
    struct Row {
        var line: Int
        var draft: MarketEventDraft
    }

    /// Reads and checks every row: the rows that are valid, and the problems of those that are not.
    /// Throws only when the file as a whole cannot be read.
    static func read(_ path: String) throws(StoreError) -> (rows: [Row], problems: [ImportProblem]) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .io(
                path: path,
                reason: FileManager.default.fileExists(atPath: path)
                    ? "cannot be read as UTF-8 text" : "No such file or directory")
        }
        if text.allSatisfy(\.isWhitespace) {
            throw .importProblems([ImportProblem(file: path, line: nil, field: nil, reason: "the file is empty")])
        }
        let raw = path.lowercased().hasSuffix(".json") ? try jsonRows(text, file: path) : try csvRows(text, file: path)
        var rows: [Row] = []
        var problems: [ImportProblem] = []
        for (line, fields) in raw {
            do {
                rows.append(Row(line: line, draft: try EventFileRow.draft(fields)))
            } catch {
                problems += error.problems.map {
                    ImportProblem(file: path, line: line, field: $0.field, reason: $0.reason)
                }
            }
        }
        return (rows, problems)
    }

    /// Events as CSV with a header row.
    public static func csv(_ events: [MarketEvent]) -> String {
        events.reduce(into: CSVWriter.line(columns)) { text, event in
            let fields = EventFileRow.fields(event)
            text += CSVWriter.line(columns.map { fields[$0] ?? "" })
        }
    }

    /// Events as a pretty-printed JSON array of objects keyed like the CSV columns.
    public static func json(_ events: [MarketEvent]) throws -> String {
        let objects = events.map { event in
            var object = EventFileRow.fields(event).mapValues(JSONValue.string)
            object["appliesToAffiliates"] = .bool(event.appliesToAffiliates)
            return object
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(objects), as: UTF8.self) + "\n"
    }

    private static func csvRows(_ text: String, file: String) throws(StoreError) -> [(Int, [String: String])] {
        do {
            var table = try CSVTable(reader: CSVReader(bytes: Array(text.utf8), file: file), encoding: .utf8, required: [])
            if let unknown = table.columns.first(where: { !columns.contains($0) }) {
                throw StoreError.importProblems([
                    ImportProblem(
                        file: file, line: 1, field: unknown,
                        reason: "unknown column; expected \(columns.joined(separator: ", "))")
                ])
            }
            let missing = requiredColumns.filter { !table.columns.contains($0) }
            if !missing.isEmpty {
                throw StoreError.importProblems([
                    ImportProblem(
                        file: file, line: 1, field: nil,
                        reason: "the header lacks the required column\(missing.count == 1 ? "" : "s") "
                            + missing.joined(separator: ", "))
                ])
            }
            var rows: [(Int, [String: String])] = []
            while let row = try table.next() {
                var fields: [String: String] = [:]
                for column in table.columns { fields[column] = try row.string(column) }
                rows.append((row.line, fields))
            }
            return rows
        } catch let error as RegistryError {
            if case .empty = error { return [] }
            throw .registry(error)
        } catch {
            throw StoreError(error, path: file)
        }
    }

    private static func jsonRows(_ text: String, file: String) throws(StoreError) -> [(Int, [String: String])] {
        guard let value = JSONValue(text: text) else {
            throw .importProblems([
                ImportProblem(file: file, line: nil, field: nil, reason: "not valid JSON (truncated or corrupt)")
            ])
        }
        guard case .array(let elements) = value,
            let lines = JSONElementLines.lines(in: text), lines.count == elements.count
        else {
            throw .importProblems([
                ImportProblem(
                    file: file, line: nil, field: nil,
                    reason: "expected a JSON array of event objects")
            ])
        }
        var rows: [(Int, [String: String])] = []
        var problems: [ImportProblem] = []
        for (line, element) in zip(lines, elements) {
            guard case .object(let object) = element else {
                problems.append(ImportProblem(file: file, line: line, field: nil, reason: "expected an object"))
                continue
            }
            var fields: [String: String] = [:]
            for (key, value) in object {
                switch value {
                case .string(let text): fields[key] = text
                case .bool(let flag): fields[key] = flag ? "true" : "false"
                case .null: continue
                default: problems.append(ImportProblem(file: file, line: line, field: key, reason: "expected text"))
                }
                if !columns.contains(key) {
                    problems.append(ImportProblem(file: file, line: line, field: key, reason: "unknown key"))
                }
            }
            rows.append((line, fields))
        }
        if !problems.isEmpty { throw .importProblems(problems) }
        return rows
    }
}
