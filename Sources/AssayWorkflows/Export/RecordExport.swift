import AssayRegistry
import AssayStore
import Foundation

/// Records written in the formats `import` reads, so that an export imported into its own database changes nothing.
public enum RecordExport {
    /// The file formats of an export.
    public enum Format: String, CaseIterable, Sendable {
        case csv, json
    }

    /// Every market-access event, oldest first.
    public static func events(in store: Store, format: Format) throws -> String {
        let events = try store.events()
        switch format {
        case .csv: return EventFile.csv(events)
        case .json: return try EventFile.json(events)
        }
    }

    /// The claimed certifications (of one vendor, when `vendor` names one), oldest claim first, X.509 ones left out.
    public static func certifications(in store: Store, vendor: String?, format: Format) throws -> String {
        let records = try store.certificationRecords(vendor: vendor)
        switch format {
        case .csv: return CertificationFile.csv(records)
        case .json: return String(decoding: try CertificationFile.json(records), as: UTF8.self) + "\n"
        }
    }
}
