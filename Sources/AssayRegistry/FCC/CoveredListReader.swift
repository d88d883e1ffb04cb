import AssayCore
/// Reads the FCC Covered List CSV (columns `covered_equipment_or_services` and
/// `date_of_inclusion_on_covered_list`, dates like `March 12, 2021`; UTF-8).
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
            let date = try row.date(dateColumn, format: "Month D, YYYY") {
                CalendarDate(longUS: $0) ?? CalendarDate(isoText: $0)
            }
            entries.append(
                CoveredListEntry(
                    description: text,
                    dateOfInclusion: date,
                    entityCandidates: CoveredListText.entities(in: text),
                    scopeLimitation: CoveredListText.scopeLimitation(in: text),
                    line: row.line
                ))
        }
        return entries
    }
}
