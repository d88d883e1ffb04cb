import AssayCore
import Foundation

/// Reads NIST's CMVP validated-modules JSON (as published by the NIST-CMVP-API scrape), mending its quirks:
/// validation dates run together without separators, names with line breaks, inconsistent casing.
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
        modules.reserveCapacity(document.modules.count)
        for (index, raw) in document.modules.enumerated() {
            modules.append(try module(raw, record: index + 1, file: file))
        }
        return modules
    }

    private static func module(_ raw: RawModule, record: Int, file: String) throws(RegistryError) -> CMVPModule {
        func invalid(_ field: String, _ reason: String) -> RegistryError {
            RegistryError.invalidField(file: file, at: .record(record), field: field, reason: reason)
        }
        guard let number = Int(raw.certificateNumber.trimmingCharacters(in: .whitespaces)) else {
            throw invalid("Certificate Number", "'\(raw.certificateNumber)' is not a number")
        }
        guard let dates = CalendarDate.splitUSDates(raw.validationDate.trimmingCharacters(in: .whitespaces)) else {
            throw invalid("Validation Date", "'\(raw.validationDate)' is not a run of MM/DD/YYYY dates")
        }
        guard let standard = FIPSStandard(rawValue: raw.standard.trimmingCharacters(in: .whitespaces)) else {
            throw invalid("standard", "'\(raw.standard)' is neither FIPS 140-2 nor FIPS 140-3")
        }
        var sunset: CalendarDate?
        if let text = raw.sunsetDate?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let date = CalendarDate(us: text) else { throw invalid("sunset_date", "'\(text)' is not a date") }
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
            status: titleCased(collapse(raw.status)),
            sunsetDate: sunset,
            overallLevel: raw.overallLevel,
            record: record
        )
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

    private struct Document: Decodable {
        let modules: [RawModule]
    }

    private struct RawModule: Decodable {
        let certificateNumber: String
        let vendorName: String
        let moduleName: String
        let alternateModuleName: String?
        let moduleType: String
        let validationDate: String
        let standard: String
        let status: String
        let sunsetDate: String?
        let overallLevel: Int?

        enum CodingKeys: String, CodingKey {
            case certificateNumber = "Certificate Number"
            case vendorName = "Vendor Name"
            case moduleName = "Module Name"
            case alternateModuleName = "module_name"
            case moduleType = "Module Type"
            case validationDate = "Validation Date"
            case standard
            case status
            case sunsetDate = "sunset_date"
            case overallLevel = "overall_level"
        }
    }
}
