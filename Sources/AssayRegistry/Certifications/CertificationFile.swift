import AssayCore
import Foundation

/// Reads and writes Assay's certification import format, as CSV or JSON; the two round-trip with each other.
///
/// CSV has one header row with the ``CertificationRecord/CodingKeys`` names; `versions` is one field with the
/// versions separated by `;`. JSON is `{"version": 1, "certifications": [record, …]}`. Text is UTF-8 and dates
/// are `YYYY-MM-DD`.
public enum CertificationFile {
    /// The format version written to and accepted from JSON files.
    public static let formatVersion = 1
    private static let columns = CertificationRecord.CodingKeys.allCases.map(\.rawValue)

    /// Reads a file, choosing CSV or JSON from the content (JSON starts with `{`).
    public static func read(path: String) throws(RegistryError) -> [CertificationRecord] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RegistryError.io(file: path, reason: "cannot read file")
        }
        let first = data.first { !$0.isASCIIWhitespace && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        return first == UInt8(ascii: "{") ? try parseJSON(data, file: path) : try parseCSV([UInt8](data), file: path)
    }

    /// Parses the CSV form.
    public static func parseCSV(_ bytes: [UInt8], file: String) throws(RegistryError) -> [CertificationRecord] {
        let required = CertificationRecord.CodingKeys.allCases.filter(\.isRequired).map(\.rawValue)
        var table = try CSVTable(reader: CSVReader(bytes: bytes, file: file), encoding: .utf8, required: required)
        let unknown = table.columns.filter { CertificationRecord.CodingKeys(rawValue: $0) == nil }
        guard unknown.isEmpty else { throw RegistryError.unknownColumns(file: file, columns: unknown) }
        var records: [CertificationRecord] = []
        while let row = try table.next() {
            records.append(try record(row))
        }
        return records
    }

    /// Parses the JSON form.
    public static func parseJSON(_ data: Data, file: String) throws(RegistryError) -> [CertificationRecord] {
        guard !data.isEmpty else { throw RegistryError.empty(file: file) }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw JSONErrors.translate(error, file: file)
        }
        guard document.version == formatVersion else {
            throw RegistryError.wrongShape(
                file: file, reason: "format version \(document.version), expected \(formatVersion)")
        }
        return document.certifications.map(\.record)
    }

    /// The CSV form of `records`.
    public static func csv(_ records: [CertificationRecord]) -> String {
        records.reduce(into: CSVWriter.line(columns)) { text, record in
            text += CSVWriter.line([
                record.vendor, record.scheme, record.certificateNumber, record.issuer ?? "", record.lab ?? "",
                record.product ?? "", record.versions?.joined(separator: "; ") ?? "", record.scope ?? "",
                record.issuedOn.description, record.validUntil?.description ?? "", record.status.rawValue,
                record.notes ?? "",
            ])
        }
    }

    /// The JSON form of `records`, pretty-printed with sorted keys.
    public static func json(_ records: [CertificationRecord]) throws(RegistryError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(Document(version: formatVersion, certifications: records.map(StrictRecord.init)))
        } catch {
            throw RegistryError.wrongShape(file: "<output>", reason: "cannot encode: \(error)")
        }
    }

    private static func record(_ row: CSVRow) throws(RegistryError) -> CertificationRecord {
        typealias Key = CertificationRecord.CodingKeys
        let statusText = try row.required(Key.status.rawValue)
        guard let status = CertificationStatus(rawValue: statusText.lowercased()) else {
            let allowed = CertificationStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw row.invalid(Key.status.rawValue, "'\(statusText)' is not one of \(allowed)")
        }
        let versions = try row.string(Key.versions.rawValue).split(separator: ";")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let isoDate = "YYYY-MM-DD"
        return CertificationRecord(
            vendor: try row.required(Key.vendor.rawValue),
            scheme: try row.required(Key.scheme.rawValue),
            certificateNumber: try row.required(Key.certificateNumber.rawValue),
            issuer: try row.optional(Key.issuer.rawValue),
            lab: try row.optional(Key.lab.rawValue),
            product: try row.optional(Key.product.rawValue),
            versions: versions.isEmpty ? nil : versions,
            scope: try row.optional(Key.scope.rawValue),
            issuedOn: try row.date(Key.issuedOn.rawValue, format: isoDate) { CalendarDate(isoText: $0) },
            validUntil: try row.optionalDate(Key.validUntil.rawValue, format: isoDate) { CalendarDate(isoText: $0) },
            status: status,
            notes: try row.optional(Key.notes.rawValue)
        )
    }

    private struct Document: Codable {
        let version: Int
        let certifications: [StrictRecord]
    }

    /// A record that refuses keys the format does not define, as the schema's `additionalProperties: false` says.
    private struct StrictRecord: Codable {
        let record: CertificationRecord

        init(_ record: CertificationRecord) { self.record = record }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            if let unknown = container.allKeys.first(where: {
                CertificationRecord.CodingKeys(stringValue: $0.stringValue) == nil
            }) {
                throw DecodingError.dataCorruptedError(
                    forKey: unknown, in: container, debugDescription: "is not a field of the format")
            }
            record = try CertificationRecord(from: decoder)
        }

        func encode(to encoder: any Encoder) throws { try record.encode(to: encoder) }
    }

    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension CertificationRecord.CodingKeys {
    /// Whether every record must have this field (the non-optional properties).
    public var isRequired: Bool {
        switch self {
        case .vendor, .scheme, .certificateNumber, .issuedOn, .status: true
        case .issuer, .lab, .product, .versions, .scope, .validUntil, .notes: false
        }
    }
}
