import AssayCore
import AssayRegistry
import AssayStore

/// Imports claimed certifications from a file in the import format (CSV, or JSON when it starts with `{`).
public enum CertificationImport {
    /// Reads every record of `file` first (a file with problems opens no database and writes nothing), then imports
    /// them in one transaction; `progress` counts the records imported.
    public static func run(
        _ file: String, opening openStore: StoreOpening, progress: ProgressHandler? = nil
    ) throws -> ImportSummary {
        let records = try CertificationFile.read(path: file)
        return try openStore(.readWrite).importCertifications(records, from: file, progress: progress)
    }
}
