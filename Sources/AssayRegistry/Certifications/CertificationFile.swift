import AssayCore
import Foundation

/// Reads and writes Assay's certification import format, as CSV or JSON; the two round-trip with each other.
///
/// CSV has one header row with the ``CertificationRecord/CodingKeys`` names; `versions` and `augmentations` are
/// one field each, the items separated by `;` (so an item cannot hold one). JSON is
/// `{"version": 2, "certifications": [record, …]}`. Text is UTF-8 and dates are `YYYY-MM-DD`; an empty CSV field
/// and a missing JSON key both mean "none".
public enum CertificationFile {
    /// The format version written to JSON files.
    public static let formatVersion = 2
    /// The versions read: 1 (before levels, audit periods and claim keys; number and issue date required) and 2.
    public static let readableVersions = 1...formatVersion
    /// What separates the items of a list field in CSV.
    public static let listSeparator: Character = ";"
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
        guard readableVersions.contains(document.version) else {
            throw RegistryError.wrongShape(
                file: file,
                reason:
                    "format version \(document.version), expected \(readableVersions.map(String.init).joined(separator: " or "))"
            )
        }
        for (index, item) in document.certifications.enumerated() {
            if let (field, reason) = problem(in: item.record) {
                throw RegistryError.invalidField(
                    file: file, at: .record(index + 1), field: field.rawValue, reason: reason)
            }
        }
        return document.certifications.map(\.record)
    }

    /// The CSV form of `records`.
    public static func csv(_ records: [CertificationRecord]) -> String {
        records.reduce(into: CSVWriter.line(columns)) { text, record in
            text += CSVWriter.line(
                CertificationRecord.CodingKeys.allCases.map { key in
                    switch key {
                    case .vendor: record.vendor
                    case .scheme: record.scheme
                    case .certificateNumber: record.certificateNumber ?? ""
                    case .level: record.level ?? ""
                    case .augmentations: list(record.augmentations)
                    case .issuer: record.issuer ?? ""
                    case .lab: record.lab ?? ""
                    case .product: record.product ?? ""
                    case .versions: list(record.versions)
                    case .scope: record.scope ?? ""
                    case .auditPeriodStart: record.auditPeriodStart?.description ?? ""
                    case .auditPeriodEnd: record.auditPeriodEnd?.description ?? ""
                    case .issuedOn: record.issuedOn?.description ?? ""
                    case .validUntil: record.validUntil?.description ?? ""
                    case .status: record.status.rawValue
                    case .notes: record.notes ?? ""
                    case .claimKey: record.claimKey ?? ""
                    }
                })
        }
    }

    /// The first rule of the format that a record breaks, as the field and the reason.
    static func problem(in record: CertificationRecord) -> (CertificationRecord.CodingKeys, String)? {
        switch (record.auditPeriodStart, record.auditPeriodEnd) {
        case (nil, nil): return nil
        case (.some, nil): return (.auditPeriodEnd, "is empty, but audit_period_start is given")
        case (nil, .some): return (.auditPeriodStart, "is empty, but audit_period_end is given")
        case (.some(let start), .some(let end)):
            return end < start ? (.auditPeriodEnd, "\(end) is before audit_period_start \(start)") : nil
        }
    }

    private static func list(_ items: [String]?) -> String {
        items?.joined(separator: "\(listSeparator) ") ?? ""
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
        func list(_ key: Key) throws(RegistryError) -> [String]? {
            let items = try row.string(key.rawValue).split(separator: listSeparator)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return items.isEmpty ? nil : items
        }
        func date(_ key: Key) throws(RegistryError) -> CalendarDate? {
            try row.optionalDate(key.rawValue, format: "YYYY-MM-DD") { CalendarDate(isoText: $0) }
        }
        let record = CertificationRecord(
            vendor: try row.required(Key.vendor.rawValue),
            scheme: try row.required(Key.scheme.rawValue),
            certificateNumber: try row.optional(Key.certificateNumber.rawValue),
            level: try row.optional(Key.level.rawValue),
            augmentations: try list(.augmentations),
            issuer: try row.optional(Key.issuer.rawValue),
            lab: try row.optional(Key.lab.rawValue),
            product: try row.optional(Key.product.rawValue),
            versions: try list(.versions),
            scope: try row.optional(Key.scope.rawValue),
            auditPeriodStart: try date(.auditPeriodStart),
            auditPeriodEnd: try date(.auditPeriodEnd),
            issuedOn: try date(.issuedOn),
            validUntil: try date(.validUntil),
            status: status,
            notes: try row.optional(Key.notes.rawValue),
            claimKey: try row.optional(Key.claimKey.rawValue)
        )
        if let (field, reason) = problem(in: record) { throw row.invalid(field.rawValue, reason) }
        return record
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
        case .vendor, .scheme, .status: true
        case .certificateNumber, .level, .augmentations, .issuer, .lab, .product, .versions, .scope,
            .auditPeriodStart, .auditPeriodEnd, .issuedOn, .validUntil, .notes, .claimKey:
            false
        }
    }
}
