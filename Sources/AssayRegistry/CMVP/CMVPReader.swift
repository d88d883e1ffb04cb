import AssayCore
import Foundation

/// Reads NIST's CMVP module lists as JSON (the NIST-CMVP-API scrape of NIST's validated-modules search): the active
/// list, the historical list and the revoked list, mending their quirks: validation dates run together without
/// separators, names with line breaks, inconsistent casing.
///
/// The list is known from the content, never the file name: a `historical_modules` or `revoked_modules` array
/// (`revoked` also), else `modules`, whose rows are active unless their `Status` says otherwise. The lists do not
/// carry the same fields (the historical one has `Status` but no `standard`, sunset date or level); a field a
/// list does not carry is unknown (`nil`), while one that is present must be valid.
public enum CMVPReader {
    /// Reads and parses a file.
    public static func read(path: String) throws(RegistryError) -> [CMVPModule] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RegistryError.io(file: path, reason: "cannot read file")
        }
        return try parse(data, file: path)
    }

    /// Parses file contents; `file` names them in errors.
    public static func parse(_ data: Data, file: String) throws(RegistryError) -> [CMVPModule] {
        guard !data.isEmpty else { throw RegistryError.empty(file: file) }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw JSONErrors.translate(error, file: file)
        }
        var modules: [CMVPModule] = []
        modules.reserveCapacity(document.lists.reduce(0) { $0 + $1.modules.count })
        for list in document.lists {
            for (index, raw) in list.modules.enumerated() {
                modules.append(try module(raw, listStatus: list.status, record: index + 1, file: file))
            }
        }
        return modules
    }

    /// The statuses NIST gives, by their lower-case spelling.
    private static let statuses = ["active": "Active", "historical": "Historical", "revoked": "Revoked"]

    private static func module(
        _ raw: RawModule, listStatus: String, record: Int, file: String
    ) throws(RegistryError) -> CMVPModule {
        func invalid(_ field: String, _ reason: String) -> RegistryError {
            RegistryError.invalidField(file: file, at: .record(record), field: field, reason: reason)
        }
        guard let number = Int(raw.certificateNumber.trimmingCharacters(in: .whitespaces)) else {
            throw invalid("Certificate Number", "'\(raw.certificateNumber)' is not a number")
        }
        var dates: [CalendarDate] = []
        if let text = present(raw.validationDate) {
            guard let split = CalendarDate.splitUSDates(text) else {
                throw invalid("Validation Date", "'\(text)' is not a run of MM/DD/YYYY dates")
            }
            dates = split
        }
        var standard: FIPSStandard?
        if let field = raw.standard, let text = present(field.value) {
            guard let known = FIPSStandard(rawValue: text) else {
                throw invalid(field.key, "'\(text)' is neither FIPS 140-2 nor FIPS 140-3")
            }
            standard = known
        }
        var status = listStatus
        if let field = raw.status, let text = present(field.value) {
            guard let known = statuses[collapse(text).lowercased()] else {
                throw invalid(field.key, "'\(text)' is not Active, Historical or Revoked")
            }
            status = known
        }
        var sunset: CalendarDate?
        if let field = raw.sunsetDate, let text = present(field.value) {
            guard let date = CalendarDate(us: text) else { throw invalid(field.key, "'\(text)' is not a date") }
            sunset = date
        }
        let name = collapse(raw.moduleName)
        return CMVPModule(
            certificateNumber: number,
            vendor: collapse(raw.vendorName),
            moduleName: name.isEmpty ? collapse(raw.alternateModuleName ?? "") : name,
            moduleType: titleCased(collapse(raw.moduleType)),
            validationDates: dates,
            standard: standard,
            status: status,
            sunsetDate: sunset,
            overallLevel: raw.overallLevel,
            record: record
        )
    }

    /// The text without surrounding white space, `nil` when nothing is left.
    private static func present(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Line breaks and runs of white space become one space.
    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `firmware-hybrid` and `Firmware-hybrid` become `Firmware-Hybrid`.
    private static func titleCased(_ text: String) -> String {
        text.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }
            .joined(separator: "-")
    }

    /// A JSON object key given at run time.
    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The lists of the file, each with the status of its rows that state none.
    private struct Document: Decodable {
        /// The keys a list may have, with that status.
        static let listKeys = [
            ("modules", "Active"), ("historical_modules", "Historical"), ("revoked_modules", "Revoked"),
            ("revoked", "Revoked"),
        ]

        let lists: [(status: String, modules: [RawModule])]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            var lists: [(status: String, modules: [RawModule])] = []
            for (name, status) in Self.listKeys where container.contains(Key(name)) {
                lists.append((status, try container.decode([RawModule].self, forKey: Key(name))))
            }
            guard !lists.isEmpty else {
                throw DecodingError.keyNotFound(
                    Key("modules"), DecodingError.Context(codingPath: [], debugDescription: "no module list"))
            }
            self.lists = lists
        }
    }

    /// A text field found under one of several spellings, with the spelling the file uses (for errors).
    private struct Spelled {
        let key: String
        let value: String
    }

    private struct RawModule: Decodable {
        let certificateNumber: String
        let vendorName: String
        let moduleName: String
        let alternateModuleName: String?
        let moduleType: String
        let validationDate: String?
        let standard: Spelled?
        let status: Spelled?
        let sunsetDate: Spelled?
        let overallLevel: Int?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            certificateNumber = try container.decode(String.self, forKey: Key("Certificate Number"))
            vendorName = try container.decode(String.self, forKey: Key("Vendor Name"))
            moduleName = try container.decode(String.self, forKey: Key("Module Name"))
            alternateModuleName = try container.decodeIfPresent(String.self, forKey: Key("module_name"))
            moduleType = try container.decode(String.self, forKey: Key("Module Type"))
            validationDate = try container.decodeIfPresent(String.self, forKey: Key("Validation Date"))
            standard = try Self.text(container, "standard", "Standard")
            status = try Self.text(container, "status", "Status")
            sunsetDate = try Self.text(container, "sunset_date", "Sunset Date")
            overallLevel = try Self.level(container, "overall_level", "Overall Level")
        }

        /// The first of `names` the object has, as text; `nil` when it has none or it is null.
        private static func text(_ container: KeyedDecodingContainer<Key>, _ names: String...) throws -> Spelled? {
            for name in names {
                if let value = try container.decodeIfPresent(String.self, forKey: Key(name)) {
                    return Spelled(key: name, value: value)
                }
            }
            return nil
        }

        /// The level, written as a number (`1`) or as text (`"1"`); `nil` when absent, null or empty.
        private static func level(_ container: KeyedDecodingContainer<Key>, _ names: String...) throws -> Int? {
            for name in names where container.contains(Key(name)) {
                let level: Int?
                switch try container.decode(JSONValue.self, forKey: Key(name)) {
                case .null: return nil
                case .number(let number): level = Int(exactly: number)
                case .string(let text):
                    let trimmed = text.trimmingCharacters(in: .whitespaces)
                    if trimmed.isEmpty { return nil }
                    level = Int(trimmed)
                default: level = nil
                }
                guard let level else {
                    throw DecodingError.dataCorruptedError(
                        forKey: Key(name), in: container, debugDescription: "is not a level (1 to 4)")
                }
                return level
            }
            return nil
        }
    }
}
