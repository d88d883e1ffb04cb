import AssayCore

/// Reads the FCC Covered List CSV (columns `covered_equipment_or_services` and
/// `date_of_inclusion_on_covered_list`, dates like `March 12, 2021`; UTF-8).
///
/// The table is the FCC's page as published: entities are named inside free text, footnote marks (`†`, `^`, `#`)
/// sit in the text, a date cell may run later dates on (`December 22, 2025Updated:January 7, 2026`), and some rows
/// name a category of equipment or a heading rather than a company. A row that names an entity must have a date;
/// a row that names none is kept as a category, its date read when it has one.
public enum CoveredListReader {
    static let descriptionColumn = "covered_equipment_or_services"
    static let dateColumn = "date_of_inclusion_on_covered_list"

    /// Reads a file.
    public static func read(path: String) throws(RegistryError) -> [CoveredListEntry] {
        try entries(CSVReader(path: path))
    }

    /// Parses bytes already in memory; `file` names them in errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(RegistryError) -> [CoveredListEntry] {
        try entries(CSVReader(bytes: bytes, file: file))
    }

    private static func entries(_ reader: CSVReader) throws(RegistryError) -> [CoveredListEntry] {
        var table = try CSVTable(reader: reader, encoding: .utf8, required: [descriptionColumn, dateColumn])
        var entries: [CoveredListEntry] = []
        while let row = try table.next() {
            let text = try row.required(descriptionColumn)
            let entities = CoveredListText.entities(in: text)
            let dateText = try row.string(dateColumn)
            let dates = CalendarDate(isoText: dateText).map { [$0] } ?? CalendarDate.longUSDates(in: dateText) ?? []
            if dates.isEmpty && !entities.isEmpty {
                throw row.invalid(
                    dateColumn, dateText.isEmpty ? "is empty" : "'\(dateText)' is not a date (Month D, YYYY)")
            }
            entries.append(
                CoveredListEntry(
                    description: text,
                    dateOfInclusion: dates.first,
                    updatedOn: Array(dates.dropFirst()),
                    entityCandidates: entities,
                    scopeLimitation: CoveredListText.scopeLimitation(in: text),
                    line: row.line
                ))
        }
        return entries
    }
}
